import type { Passage } from '../../../shared/records/passage';

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
}

export const passageColumns = `sequence, id, lane_id, code_kind, id_number, full_name, birth_date, sex, raw_payload, vneid_token,
  verdict, reasons, verification, officer_id, checkpoint_id, direction, scanned_at, server_time, plate, note,
  sync_state, sync_attempts, last_sync_error, override_verdict, override_reason, override_officer_id, override_at, revision`;

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
  };
}
