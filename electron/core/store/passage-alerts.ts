import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CommandError } from '../../../shared/contract/router';
import type { AlertKind } from '../../../shared/records/passage-alert';
import { appendAudit } from './audit-log';

export interface PassageAlerts {
  /** Raises (or re-raises, reopened) the alert of a passage; audited. Run inside the caller's transaction. */
  raise(passageId: string, kind: AlertKind, at: Date): void;
  /** An officer has seen it and acted: audited with who and when. */
  acknowledge(passageId: string, officerId: string, at: Date): void;
  openCount(): number;
}

/** The one owner of `passage_alerts`. */
export function createPassageAlerts(db: Database): PassageAlerts {
  const upsert = db.prepare(`INSERT INTO passage_alerts (passage_id, kind, raised_at) VALUES (?, ?, ?)
    ON CONFLICT (passage_id) DO UPDATE SET kind = excluded.kind, raised_at = excluded.raised_at, acknowledged_at = NULL, acknowledged_by = NULL
    WHERE passage_alerts.kind <> excluded.kind`);
  const markAcknowledged = db.prepare('UPDATE passage_alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE passage_id = ? AND acknowledged_at IS NULL');
  const exists = db.prepare('SELECT 1 FROM passage_alerts WHERE passage_id = ?').pluck();
  const countOpen = db.prepare('SELECT count(*) FROM passage_alerts WHERE acknowledged_at IS NULL').pluck();

  return {
    raise(passageId, kind, at) {
      // The same judgement answered again (a duplicate upload) changes nothing and is not audited twice.
      if (upsert.run(passageId, kind, at.toISOString()).changes === 0) return;
      appendAudit(db, { actor: 'station', action: 'alert.raised', subject: passageId, details: { kind }, at });
    },
    acknowledge: db.transaction((passageId: string, officerId: string, at: Date) => {
      if (exists.get(passageId) === undefined) throw new CommandError('invalid_input', `passage ${passageId} has no alert`);
      if (markAcknowledged.run(at.toISOString(), officerId, passageId).changes === 0) return;
      appendAudit(db, { actor: `officer:${officerId}`, action: 'alert.acknowledged', subject: passageId, at });
    }),
    openCount: () => countOpen.get() as number,
  };
}
