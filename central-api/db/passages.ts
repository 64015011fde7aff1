import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PassageUpload, TokenVerification } from '../api-types';
import { getCitizen } from './citizens';

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
  tokenVerification: TokenVerification | undefined;
}

export interface PassageStore {
  /** undefined when not stored; otherwise who filed it, its revision and the stored retroactive token verdict, if any. */
  find(id: string): StoredPassage | undefined;
  /** Stores a new passage, or replaces the stored copy with a newer revision of it. */
  save(passage: PassageUpload, uploadedBy: string, tokenVerification: TokenVerification | undefined, receivedAt: Date): void;
  isPoisoned(id: string): boolean;
  poison(id: string): void;
  list(): AdminPassage[];
}

const flag = (value: boolean | undefined): number | null => (value === undefined ? null : Number(value));

/** Passage storage with its statements prepared once: a batch runs them hundreds of times. */
export function createPassageStore(db: Database): PassageStore {
  const find = db.prepare('SELECT station_id, revision, token_genuine, token_denied, token_citizen FROM passages WHERE id = ?');
  const save = db.prepare(`
    INSERT OR REPLACE INTO passages (id, uploaded_by, received_at, sequence, station_id, checkpoint_id, lane_id, direction, code_kind,
      id_number, full_name, birth_date, sex, vneid_token, verdict, reasons, verification, officer_id, plate, note,
      scanned_at, server_time, token_genuine, token_denied, token_citizen,
      revision, override_verdict, override_reason, override_officer_id, override_at)
    VALUES (@id, @uploadedBy, @receivedAt, @sequence, @stationId, @checkpointId, @laneId, @direction, @codeKind,
      @idNumber, @fullName, @birthDate, @sex, @vneidToken, @verdict, @reasons, @verification, @officerId, @plate, @note,
      @scannedAt, @serverTime, @tokenGenuine, @tokenDenied, @tokenCitizen,
      @revision, @overrideVerdict, @overrideReason, @overrideOfficerId, @overrideAt)`);
  const poisoned = db.prepare('SELECT 1 FROM poisoned_passages WHERE passage_id = ?');
  const poison = db.prepare('INSERT OR IGNORE INTO poisoned_passages (passage_id) VALUES (?)');
  const list = db.prepare(`SELECT id, station_id AS stationId, sequence, scanned_at AS scannedAt, code_kind AS codeKind, verdict, revision,
    override_verdict AS overrideVerdict FROM passages ORDER BY station_id, sequence`);

  return {
    find(id) {
      const row = find.get(id) as
        | { station_id: string; revision: number; token_genuine: number | null; token_denied: number | null; token_citizen: string | null }
        | undefined;
      if (!row) return undefined;
      const stored = { stationId: row.station_id, revision: row.revision };
      if (row.token_genuine === null) return { ...stored, tokenVerification: undefined };
      const citizen = row.token_citizen === null ? undefined : getCitizen(db, row.token_citizen);
      return { ...stored, tokenVerification: { genuine: row.token_genuine === 1, denied: row.token_denied === 1, ...(citizen && { citizen }) } };
    },
    save(passage, uploadedBy, tokenVerification, receivedAt) {
      const { override, ...fields } = passage;
      save.run({
        idNumber: null,
        fullName: null,
        birthDate: null,
        sex: null,
        vneidToken: null,
        officerId: null,
        plate: null,
        note: null,
        serverTime: null,
        revision: 0,
        ...fields,
        overrideVerdict: override?.verdict ?? null,
        overrideReason: override?.reason ?? null,
        overrideOfficerId: override?.officerId ?? null,
        overrideAt: override?.at ?? null,
        uploadedBy,
        receivedAt: receivedAt.toISOString(),
        reasons: JSON.stringify(passage.reasons ?? []),
        tokenGenuine: flag(tokenVerification?.genuine),
        tokenDenied: flag(tokenVerification?.denied),
        tokenCitizen: tokenVerification?.citizen?.idNumber ?? null,
      });
    },
    isPoisoned: (id) => poisoned.get(id) !== undefined,
    poison: (id) => void poison.run(id),
    list: () => list.all() as AdminPassage[],
  };
}
