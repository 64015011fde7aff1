import type { Database } from 'better-sqlite3-multiple-ciphers';
import { retroCheckSchema } from '../../shared/central/schemas';
import type { PassageUpload, RetroCheck } from '../api-types';

export interface AdminPassage {
  id: string;
  stationId: string;
  sequence: number;
  scannedAt: string;
  codeKind: string;
  verdict: string;
  revision: number;
  overrideVerdict: string | null;
}

export interface StoredPassage {
  stationId: string;
  revision: number;
  retroCheck: RetroCheck | undefined;
}

export interface PassageStore {
  /** undefined when not stored; otherwise who filed it, its revision and the stored retroactive check, if any. */
  find(id: string): StoredPassage | undefined;
  /** Stores a new passage, or replaces the stored copy with a newer revision of it. */
  save(passage: PassageUpload, uploadedBy: string, retroCheck: RetroCheck | undefined, receivedAt: Date): void;
  isPoisoned(id: string): boolean;
  poison(id: string): void;
  list(): AdminPassage[];
}

/** Passage storage with its statements prepared once: a batch runs them hundreds of times. */
export function createPassageStore(db: Database): PassageStore {
  const find = db.prepare('SELECT station_id, revision, retro_check FROM passages WHERE id = ?');
  const save = db.prepare(`
    INSERT OR REPLACE INTO passages (id, uploaded_by, received_at, sequence, station_id, checkpoint_id, lane_id, direction, code_kind,
      id_number, full_name, birth_date, sex, vneid_token, verdict, reasons, verification, officer_id, plate, note,
      scanned_at, server_time, retro_check,
      revision, override_verdict, override_reason, override_officer_id, override_at)
    VALUES (@id, @uploadedBy, @receivedAt, @sequence, @stationId, @checkpointId, @laneId, @direction, @codeKind,
      @idNumber, @fullName, @birthDate, @sex, @vneidToken, @verdict, @reasons, @verification, @officerId, @plate, @note,
      @scannedAt, @serverTime, @retroCheck,
      @revision, @overrideVerdict, @overrideReason, @overrideOfficerId, @overrideAt)`);
  const poisoned = db.prepare('SELECT 1 FROM poisoned_passages WHERE passage_id = ?');
  const poison = db.prepare('INSERT OR IGNORE INTO poisoned_passages (passage_id) VALUES (?)');
  const list = db.prepare(`SELECT id, station_id AS stationId, sequence, scanned_at AS scannedAt, code_kind AS codeKind, verdict, revision,
    override_verdict AS overrideVerdict FROM passages ORDER BY station_id, sequence`);

  return {
    find(id) {
      const row = find.get(id) as { station_id: string; revision: number; retro_check: string | null } | undefined;
      if (!row) return undefined;
      // Our own JSON, re-validated on read like any stored data.
      const retroCheck = row.retro_check === null ? undefined : retroCheckSchema.parse(JSON.parse(row.retro_check));
      return { stationId: row.station_id, revision: row.revision, retroCheck };
    },
    save(passage, uploadedBy, retroCheck, receivedAt) {
      const { override, ...fields } = passage;
      save.run({
        ...fields,
        overrideVerdict: override?.verdict ?? null,
        overrideReason: override?.reason ?? null,
        overrideOfficerId: override?.officerId ?? null,
        overrideAt: override?.at ?? null,
        uploadedBy,
        receivedAt: receivedAt.toISOString(),
        reasons: JSON.stringify(passage.reasons),
        retroCheck: retroCheck === undefined ? null : JSON.stringify(retroCheck),
      });
    },
    isPoisoned: (id) => poisoned.get(id) !== undefined,
    poison: (id) => void poison.run(id),
    list: () => list.all() as AdminPassage[],
  };
}
