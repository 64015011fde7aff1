import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CommandError } from '../../../shared/contract/router';
import type { Passage, Verdict } from '../../../shared/records/passage';
import { normalisePlate } from '../../../shared/text/search-fold';
import { appendAudit } from './audit-log';
import { alertJoin, passageColumns, passageFromRow, type PassageRow } from './passage-rows';

export interface PassageAmendments {
  /** The officer's verdict beside the station's (which is kept); audited with from/to verdicts. */
  override(passageId: string, change: { verdict: Verdict; reason: string }, officerId: string, at: Date): Passage;
  /** Sets the vehicle plate and note; audited with the names of the fields that changed. */
  annotate(passageId: string, change: { plate: string | null; note: string | null }, officerId: string, at: Date): Passage;
}

/**
 * Amendments to a recorded passage. Each one, in one transaction: the change, a new revision (so
 * the central API replaces its copy once), the audit entry, and the passage back in the outbox
 * if it had already been synced. Audit details never hold names, plates or note text.
 */
export function createPassageAmendments(db: Database): PassageAmendments {
  const select = db.prepare(`SELECT ${passageColumns} FROM passages p ${alertJoin} WHERE p.id = ?`);
  const setOverride = db.prepare(`UPDATE passages SET override_verdict = @verdict, override_reason = @reason, override_officer_id = @officerId,
    override_at = @at, revision = revision + 1 WHERE id = @id`);
  const setAnnotation = db.prepare('UPDATE passages SET plate = @plate, plate_search = @plateSearch, note = @note, revision = revision + 1 WHERE id = @id');
  const markPending = db.prepare("UPDATE passages SET sync_state = 'pending', last_sync_error = NULL WHERE id = ? AND sync_state = 'synced'");
  // Still queued (never synced) or not: either way one outbox entry carries the newest revision.
  const enqueue = db.prepare('INSERT OR IGNORE INTO outbox (passage_id, enqueued_at, next_attempt_at) VALUES (?, ?, ?)');

  function existing(passageId: string): Passage {
    const row = select.get(passageId) as PassageRow | undefined;
    if (row === undefined) throw new CommandError('invalid_input', `no passage with id ${passageId}`);
    return passageFromRow(row);
  }

  function requeue(passage: Passage, at: Date): void {
    if (passage.syncState !== 'synced') return;
    markPending.run(passage.id);
    enqueue.run(passage.id, at.toISOString(), at.toISOString());
  }

  const override = db.transaction((passageId: string, change: { verdict: Verdict; reason: string }, officerId: string, at: Date): Passage => {
    const before = existing(passageId);
    setOverride.run({ id: passageId, verdict: change.verdict, reason: change.reason, officerId, at: at.toISOString() });
    appendAudit(db, {
      actor: `officer:${officerId}`,
      action: 'passage.override',
      subject: passageId,
      details: { from: before.override?.verdict ?? before.verdict, to: change.verdict, stationVerdict: before.verdict },
      at,
    });
    requeue(before, at);
    return existing(passageId);
  });

  const annotate = db.transaction((passageId: string, change: { plate: string | null; note: string | null }, officerId: string, at: Date): Passage => {
    const before = existing(passageId);
    const plate = emptyToNull(change.plate);
    const note = emptyToNull(change.note);
    const changed = [...(plate === before.plate ? [] : ['plate']), ...(note === before.note ? [] : ['note'])];
    if (changed.length === 0) return before; // nothing to amend: no new revision, nothing to sync
    setAnnotation.run({ id: passageId, plate, plateSearch: plate === null ? null : normalisePlate(plate), note });
    appendAudit(db, { actor: `officer:${officerId}`, action: 'passage.amend', subject: passageId, details: { changed }, at });
    requeue(before, at);
    return existing(passageId);
  });

  return { override, annotate };
}

/** A cleared field is typed as an empty string; the record keeps "none" as null. */
function emptyToNull(text: string | null): string | null {
  return text === null || text === '' ? null : text;
}
