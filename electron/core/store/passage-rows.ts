import type { Passage } from '../../../shared/records/passage';
import type { AlertKind } from '../../../shared/records/passage-alert';

/** A `passages` row as SQLite returns it. */
export interface PassageRow {
  sequence: number;
  id: string;
  lane_id: string;
  code_kind: string;
  id_number: string | null;
  full_name: string | null;
  birth_date: string | null;
  sex: 'male' | 'female' | null;
  raw_payload: string | null;
  vneid_token: string | null;
  verdict: Passage['verdict'];
  reasons: string;
  verification: Passage['verification'];
  officer_id: string | null;
  checkpoint_id: string;
  direction: Passage['direction'];
  scanned_at: string;
  server_time: string | null;
  plate: string | null;
  note: string | null;
  sync_state: Passage['syncState'];
  sync_attempts: number;
  last_sync_error: string | null;
  override_verdict: Passage['verdict'] | null;
  override_reason: string | null;
  override_officer_id: string | null;
  override_at: string | null;
  revision: number;
  alert_kind: AlertKind | null;
  alert_raised_at: string | null;
  alert_acknowledged_at: string | null;
  alert_acknowledged_by: string | null;
}

/** Every column a Passage is read from: the passage as `p`, its alert (if any) as `a` through `alertJoin`. */
export const passageColumns = `p.sequence, p.id, p.lane_id, p.code_kind, p.id_number, p.full_name, p.birth_date, p.sex, p.raw_payload, p.vneid_token,
  p.verdict, p.reasons, p.verification, p.officer_id, p.checkpoint_id, p.direction, p.scanned_at, p.server_time, p.plate, p.note,
  p.sync_state, p.sync_attempts, p.last_sync_error, p.override_verdict, p.override_reason, p.override_officer_id, p.override_at, p.revision,
  a.kind AS alert_kind, a.raised_at AS alert_raised_at, a.acknowledged_at AS alert_acknowledged_at, a.acknowledged_by AS alert_acknowledged_by`;

/** Joins a passage `p` to its alert `a` (passage-alerts.ts owns that table). */
export const alertJoin = 'LEFT JOIN passage_alerts a ON a.passage_id = p.id';

export function passageFromRow(row: PassageRow): Passage {
  return {
    id: row.id,
    sequence: row.sequence,
    laneId: row.lane_id,
    codeKind: row.code_kind,
    identity: { idNumber: row.id_number, fullName: row.full_name, birthDate: row.birth_date, sex: row.sex },
    rawPayload: row.raw_payload,
    vneidToken: row.vneid_token,
    verdict: row.verdict,
    reasons: JSON.parse(row.reasons) as Passage['reasons'],
    verification: row.verification,
    officerId: row.officer_id,
    checkpointId: row.checkpoint_id,
    direction: row.direction,
    scannedAt: row.scanned_at,
    serverTime: row.server_time,
    plate: row.plate,
    note: row.note,
    syncState: row.sync_state,
    syncAttempts: row.sync_attempts,
    lastSyncError: row.last_sync_error,
    override:
      row.override_verdict === null
        ? null
        : { verdict: row.override_verdict, reason: row.override_reason ?? '', officerId: row.override_officer_id ?? '', at: row.override_at ?? '' },
    revision: row.revision,
    alert:
      row.alert_kind === null || row.alert_raised_at === null
        ? null
        : { kind: row.alert_kind, raisedAt: row.alert_raised_at, acknowledgedAt: row.alert_acknowledged_at, acknowledgedBy: row.alert_acknowledged_by },
  };
}
