import type { Database } from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import type { Direction } from '../../../shared/contract/status';
import type { Passage, PassageDraft } from '../../../shared/records/passage';
import { foldForSearch, normalisePlate } from '../../../shared/text/search-fold';
import { noteCommitted } from '../db/open-database';
import { alertJoin, passageColumns, passageFromRow, type PassageRow } from './passage-rows';

/** A record that did not reach the disk. The officer must see it (NOT RECORDED), never silence. */
export class RecordNotStoredError extends Error {
  override name = 'RecordNotStoredError';
  constructor(
    readonly sqliteCode: string,
    message: string,
    /** SQLite's own error: whether the file is damaged is for the station to judge. */
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

export interface StationClock {
  now(): Date;
  /** Server time minus station time, from the last sync; null until one is known. */
  serverOffsetMs(): number | null;
}

export interface PassageStoreOptions {
  checkpointId: string;
  direction: Direction;
  /** Keep the decoded text with the record (off by default: it is personal data). */
  keepRawPayload: boolean;
  clock: StationClock;
}

export interface PassageStore {
  /**
   * Returns once the record and its outbox entry are committed (synchronous=FULL): durable. A
   * `sightingId` already recorded (a retried report) returns that passage instead of a second one.
   */
  record(draft: PassageDraft, sightingId?: string | null): Passage;
  get(id: string): Passage | null;
}

export function createPassageStore(db: Database, options: PassageStoreOptions): PassageStore {
  const insertPassage = db.prepare(`
    INSERT INTO passages (id, lane_id, code_kind, id_number, full_name, birth_date, sex, raw_payload, vneid_token, verdict, reasons,
      verification, officer_id, checkpoint_id, direction, scanned_at, server_time, plate, plate_search, note, name_search, sighting_id)
    VALUES (@id, @laneId, @codeKind, @idNumber, @fullName, @birthDate, @sex, @rawPayload, @vneidToken, @verdict, @reasons,
      @verification, @officerId, @checkpointId, @direction, @scannedAt, @serverTime, @plate, @plateSearch, @note, @nameSearch, @sightingId)`);
  const enqueue = db.prepare('INSERT INTO outbox (passage_id, enqueued_at, next_attempt_at) VALUES (?, ?, ?)');
  const selectById = db.prepare(`SELECT ${passageColumns} FROM passages p ${alertJoin} WHERE p.id = ?`);
  const selectBySighting = db.prepare(`SELECT ${passageColumns} FROM passages p ${alertJoin} WHERE p.sighting_id = ?`);
  // The record and its outbox entry commit together or not at all.
  const recordTransaction = db.transaction((row: Record<string, unknown>): number => {
    const sequence = Number(insertPassage.run(row).lastInsertRowid);
    enqueue.run(row.id, row.scannedAt, row.scannedAt);
    return sequence;
  });

  return {
    record(draft, sightingId = null) {
      const known = sightingId === null ? undefined : (selectBySighting.get(sightingId) as PassageRow | undefined);
      if (known !== undefined) return passageFromRow(known);
      const now = options.clock.now();
      const offset = options.clock.serverOffsetMs();
      const passage: Omit<Passage, 'sequence'> = {
        ...draft,
        id: uuidv7({ msecs: now.getTime() }),
        rawPayload: options.keepRawPayload ? draft.rawPayload : null,
        checkpointId: options.checkpointId,
        direction: options.direction,
        scannedAt: now.toISOString(),
        serverTime: offset === null ? null : new Date(now.getTime() + offset).toISOString(),
        syncState: 'pending',
        syncAttempts: 0,
        lastSyncError: null,
        override: null,
        revision: 0,
        alert: null,
      };
      try {
        const sequence = recordTransaction({
          ...passage,
          ...passage.identity,
          reasons: JSON.stringify(passage.reasons),
          plateSearch: passage.plate === null ? null : normalisePlate(passage.plate),
          nameSearch: passage.identity.fullName === null ? null : foldForSearch(passage.identity.fullName),
          sightingId,
        });
        // Acknowledged only once the mark outside the WAL covers it: its loss would then be seen at the next start.
        noteCommitted(db, sequence);
        return { ...passage, sequence };
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'UNKNOWN';
        throw new RecordNotStoredError(code, `the pass-through was not recorded (${code}): ${(error as Error).message}`, error);
      }
    },
    get(id) {
      const row = selectById.get(id) as PassageRow | undefined;
      return row === undefined ? null : passageFromRow(row);
    },
  };
}
