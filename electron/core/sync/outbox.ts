import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PassageResult, PassageUpload } from '../../../shared/central/schemas';
import { passageColumns, passageFromRow, type PassageRow } from '../store/passage-rows';

export interface SettleOutcome {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Answers about a copy amended since it was sent: the newer revision stays queued. */
  superseded: number;
  /** Passages whose VNeID token the server found not genuine, or whose holder must not pass. */
  retroAlerts: string[];
}

/** Oldest first, walking the outbox by its key so a long queue costs no sort (no index on the time). */
export const dueQuery = `SELECT ${passageColumns.replace(/(\w+)/g, 'p.$1')} FROM outbox o JOIN passages p ON p.id = o.passage_id
  WHERE o.next_attempt_at <= ? ORDER BY o.sequence LIMIT ?`;

/** The outbox as the sync engine sees it: what is due, and what the server answered. */
export function createOutbox(db: Database, stationId: string) {
  const due = db.prepare(dueQuery);
  const markSynced = db.prepare("UPDATE passages SET sync_state = 'synced', synced_at = ?, last_sync_error = NULL, sync_attempts = sync_attempts + 1, retro_check = ? WHERE id = ?");
  const markRejected = db.prepare("UPDATE passages SET sync_state = 'rejected', last_sync_error = ?, sync_attempts = sync_attempts + 1 WHERE id = ?");
  const dequeue = db.prepare('DELETE FROM outbox WHERE passage_id = ?');
  const markFailed = db.prepare('UPDATE passages SET sync_attempts = sync_attempts + 1, last_sync_error = ? WHERE id = ?');
  const pending = db.prepare('SELECT count(*) AS n FROM outbox');
  const revisionOf = db.prepare('SELECT revision FROM passages WHERE id = ?').pluck();

  return {
    /** The oldest due passages, as the API wants them. The raw payload is never sent. */
    takeDue(now: Date, limit: number): PassageUpload[] {
      return (due.all(now.toISOString(), limit) as PassageRow[]).map((row) => {
        const passage = passageFromRow(row);
        return {
          id: passage.id,
          sequence: passage.sequence,
          stationId,
          checkpointId: passage.checkpointId,
          laneId: passage.laneId,
          direction: passage.direction,
          codeKind: passage.codeKind,
          ...passage.identity,
          vneidToken: passage.vneidToken,
          verdict: passage.verdict,
          reasons: passage.reasons.map((reason) => reason.code),
          verification: passage.verification,
          officerId: passage.officerId,
          plate: passage.plate,
          note: passage.note,
          scannedAt: passage.scannedAt,
          serverTime: passage.serverTime,
          revision: passage.revision,
          override: passage.override,
        };
      });
    },

    /**
     * Applies the server's per-passage answers in one transaction: a crash leaves all or none.
     * `sent` maps each id sent to the revision sent.
     */
    settle: db.transaction((results: PassageResult[], sent: ReadonlyMap<string, number>, at: Date): SettleOutcome => {
      const outcome: SettleOutcome = { accepted: 0, duplicates: 0, rejected: 0, superseded: 0, retroAlerts: [] };
      for (const result of results) {
        const sentRevision = sent.get(result.id);
        if (sentRevision === undefined) continue; // an answer about something we did not send
        // Amended while the upload was out: the answer is about an older copy, so the newer one stays queued.
        if (revisionOf.get(result.id) !== sentRevision) {
          outcome.superseded += 1;
          continue;
        }
        if (result.status === 'rejected') {
          // A dead letter: kept, shown to the officer, never blocking the rest of the queue.
          markRejected.run(result.reason ?? 'rejected', result.id);
          outcome.rejected += 1;
        } else {
          const check = result.tokenVerification;
          const retro = check === undefined ? null : !check.genuine ? 'not-genuine' : check.denied ? 'denied' : 'genuine';
          markSynced.run(at.toISOString(), retro, result.id);
          if (retro === 'not-genuine' || retro === 'denied') outcome.retroAlerts.push(result.id);
          outcome[result.status === 'accepted' ? 'accepted' : 'duplicates'] += 1;
        }
        dequeue.run(result.id);
      }
      return outcome;
    }),

    noteFailure: db.transaction((ids: readonly string[], error: string) => {
      for (const id of ids) markFailed.run(error, id);
    }),

    pendingCount: () => (pending.get() as { n: number }).n,
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
