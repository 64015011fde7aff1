import { maskIdNumber, maskName } from '../../../shared/privacy/mask';
import type { Passage } from '../../../shared/records/passage';

/**
 * The columns of every export, in order: the record's identity, its times, its outcome, its sync
 * state. `verdict` is the final one (the officer's override when there is one); `station_verdict`
 * is what the station decided.
 */
export const exportColumns = [
  { key: 'id', header: 'passage_id' },
  { key: 'sequence', header: 'sequence' },
  { key: 'scannedAt', header: 'scanned_at_utc' },
  { key: 'serverTime', header: 'server_time_utc' },
  { key: 'checkpointId', header: 'checkpoint' },
  { key: 'direction', header: 'direction' },
  { key: 'laneId', header: 'lane' },
  { key: 'codeKind', header: 'code_kind' },
  { key: 'idNumber', header: 'id_number' },
  { key: 'fullName', header: 'full_name' },
  { key: 'birthYear', header: 'birth_year' },
  { key: 'sex', header: 'sex' },
  { key: 'verdict', header: 'verdict' },
  { key: 'stationVerdict', header: 'station_verdict' },
  { key: 'reasons', header: 'reasons' },
  { key: 'verification', header: 'verification' },
  { key: 'officerId', header: 'officer' },
  { key: 'overrideOfficerId', header: 'override_officer' },
  { key: 'overrideAt', header: 'override_at_utc' },
  { key: 'overrideReason', header: 'override_reason' },
  { key: 'plate', header: 'plate' },
  { key: 'note', header: 'note' },
  { key: 'syncState', header: 'sync_state' },
] as const;

export type ExportRow = Record<(typeof exportColumns)[number]['key'], string | number>;

/** One passage as an export row; ID numbers and names masked unless `unmasked`. */
export function toExportRow(passage: Passage, unmasked: boolean): ExportRow {
  const { idNumber, fullName, birthDate, sex } = passage.identity;
  return {
    id: passage.id,
    sequence: passage.sequence,
    scannedAt: passage.scannedAt,
    serverTime: passage.serverTime ?? '',
    checkpointId: passage.checkpointId,
    direction: passage.direction,
    laneId: passage.laneId,
    codeKind: passage.codeKind,
    idNumber: idNumber === null ? '' : unmasked ? idNumber : maskIdNumber(idNumber),
    fullName: fullName === null ? '' : unmasked ? fullName : maskName(fullName),
    birthYear: birthDate?.slice(0, 4) ?? '',
    sex: sex ?? '',
    verdict: passage.override?.verdict ?? passage.verdict,
    stationVerdict: passage.verdict,
    reasons: passage.reasons.map((reason) => reason.code).join(' '),
    verification: passage.verification,
    officerId: passage.officerId ?? '',
    overrideOfficerId: passage.override?.officerId ?? '',
    overrideAt: passage.override?.at ?? '',
    overrideReason: passage.override?.reason ?? '',
    plate: passage.plate ?? '',
    note: passage.note ?? '',
    syncState: passage.syncState,
  };
}
