import type { Database } from 'better-sqlite3-multiple-ciphers';
import { passageUploadSchema, WIRE_MAX, type PassageResult, type PassageUpload } from '../../../shared/central/schemas';
import type { Passage, Verdict } from '../../../shared/records/passage';
import { retroAlertKind } from '../../../shared/verdict/retro-alert';
import type { PassageAlerts } from '../store/passage-alerts';
import { alertJoin, passageColumns, passageFromRow, type PassageRow } from '../store/passage-rows';

export interface SettleOutcome {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Answers about a copy amended since it was sent: the newer revision stays queued. */
  superseded: number;
  /** Passages the server, checking them again, judged worse than the station did offline. */
  retroAlerts: string[];
}

/** Oldest first, walking the outbox by its key so a long queue costs no sort (no index on the time). */
export const dueQuery = `SELECT ${passageColumns} FROM outbox o JOIN passages p ON p.id = o.passage_id ${alertJoin}
  WHERE o.next_attempt_at <= ? ORDER BY o.sequence LIMIT ?`;

/**
 * The one owner of the outbox and of the passages' sync state: what is due, what the server
 * answered, what is left. The sync engine asks it; it holds no SQL of its own.
 */
export function createOutbox(db: Database, stationId: string, alerts: PassageAlerts) {
  const due = db.prepare(dueQuery);
  const markSynced = db.prepare("UPDATE passages SET sync_state = 'synced', synced_at = ?, last_sync_error = NULL, sync_attempts = sync_attempts + 1 WHERE id = ?");
  const markRejected = db.prepare("UPDATE passages SET sync_state = 'rejected', last_sync_error = ?, sync_attempts = sync_attempts + 1 WHERE id = ?");
  const dequeue = db.prepare('DELETE FROM outbox WHERE passage_id = ?');
  const markFailed = db.prepare('UPDATE passages SET sync_attempts = sync_attempts + 1, last_sync_error = ? WHERE id = ?');
  const pending = db.prepare('SELECT count(*) AS n FROM outbox');
  const sentAs = db.prepare('SELECT revision, coalesce(override_verdict, verdict) AS verdict FROM passages WHERE id = ?');
  const countDead = db.prepare("SELECT count(*) FROM passages WHERE sync_state = 'rejected'").pluck();

  return {
    /**
     * The oldest due passages, as the API wants them. The raw payload is never sent, and neither is
     * what the API would refuse: such a passage becomes a dead letter here, with the reason.
     */
    takeDue(now: Date, limit: number): PassageUpload[] {
      const uploads: PassageUpload[] = [];
      for (const row of due.all(now.toISOString(), limit) as PassageRow[]) {
        const upload = passageUploadSchema.safeParse(toUpload(passageFromRow(row), stationId));
        if (upload.success) uploads.push(upload.data);
        else settleLocally(row.id, `invalid: ${upload.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
      }
      return uploads;
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
        const now = sentAs.get(result.id) as { revision: number; verdict: Verdict } | undefined;
        // Amended while the upload was out: the answer is about an older copy, so the newer one stays queued.
        if (now === undefined || now.revision !== sentRevision) {
          outcome.superseded += 1;
          continue;
        }
        if (result.status === 'rejected') {
          // A dead letter: kept, shown to the officer, never blocking the rest of the queue.
          markRejected.run(result.reason ?? 'rejected', result.id);
          outcome.rejected += 1;
        } else {
          markSynced.run(at.toISOString(), result.id);
          const alert = result.retroCheck === undefined ? null : retroAlertKind(now.verdict, result.retroCheck);
          if (alert !== null) {
            alerts.raise(result.id, alert, at);
            outcome.retroAlerts.push(result.id);
          }
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
    deadLetterCount: () => countDead.get() as number,
  };

  function settleLocally(id: string, reason: string): void {
    db.transaction(() => {
      markRejected.run(reason, id);
      dequeue.run(id);
    })();
  }
}

function toUpload(passage: Passage, stationId: string): PassageUpload {
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
    // The wire takes 32 reasons, the officer's screen more: the deciding ones come first.
    reasons: passage.reasons.slice(0, WIRE_MAX.reasons).map((reason) => reason.code),
    verification: passage.verification,
    officerId: passage.officerId,
    plate: passage.plate,
    note: passage.note,
    scannedAt: passage.scannedAt,
    serverTime: passage.serverTime,
    revision: passage.revision,
    override: passage.override,
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
