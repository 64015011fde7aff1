import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { StorageAlert, StorageStatus } from '../../../shared/contract/status';
import type { Passage, PassageDraft } from '../../../shared/records/passage';
import type { StartupEvent } from '../db/open-database';
import { appendAudit } from './audit-log';
import { countUnsynced } from './passage-queries';
import { createPassageStore, RecordNotStoredError, type PassageStoreOptions } from './passage-store';
import { purgeExpiredFiles, purgeExpiredPassages, type FilePurgeOutcome, type PurgeOutcome } from './retention';

export type RecordOutcome = { recorded: true; passage: Passage } | { recorded: false; error: string };

export interface StationStore {
  /** Never throws for a storage failure: the outcome says NOT RECORDED and the status turns `failing`. */
  record(draft: PassageDraft, sightingId?: string | null): RecordOutcome;
  get(id: string): Passage | null;
  /** Passages, and the exports and reports in the data folder, older than the retention period. */
  purgeExpired(now: Date): PurgeOutcome & { files: FilePurgeOutcome };
  /** A database error outside recording (a purge, a log write, a sync settle): the storage is failing until a record goes through. */
  noteFailure(error: unknown): void;
  /** The retention period from the next purge on (the settings screen). */
  setRetentionDays(days: number): void;
  status(): StorageStatus;
}

export interface StationStoreOptions extends PassageStoreOptions {
  retentionDays: number;
  startupEvents: readonly StartupEvent[];
  /** Called whenever status() would answer differently. */
  onStatusChange(): void;
  /** SQLite's error behind a record that was not stored (the file may be damaged, not just full). */
  onDatabaseError?(error: unknown): void;
}

/** The records side of the core: the passage store plus the health the officer must see. */
export function createStationStore(db: Database, options: StationStoreOptions): StationStore {
  const passages = createPassageStore(db, options);
  let failure: string | null = null;
  let overdueUnsynced = 0;
  let retentionDays = options.retentionDays;
  const startupAlerts = options.startupEvents.flatMap((event) => alertAndAudit(db, event));

  return {
    record(draft, sightingId) {
      try {
        const passage = passages.record(draft, sightingId);
        failure = null;
        options.onStatusChange();
        return { recorded: true, passage };
      } catch (error) {
        if (!(error instanceof RecordNotStoredError)) throw error;
        failure = error.message;
        options.onStatusChange();
        options.onDatabaseError?.(error.cause);
        return { recorded: false, error: error.message };
      }
    },
    get: (id) => passages.get(id),
    noteFailure(error) {
      const code = (error as { code?: string }).code ?? 'UNKNOWN';
      failure = `a database write failed (${code}): ${error instanceof Error ? error.message : String(error)}`;
      options.onStatusChange();
    },
    purgeExpired(now) {
      // The data folder is the database's (`<data>/station.db`), held by this process (its lock): no other process writes or purges it.
      // Files first: their purge needs no more of the database than its audit, and frees disk space a failing one may lack.
      const files = purgeExpiredFiles(db, dirname(db.name), { retentionDays, now });
      const outcome = purgeExpiredPassages(db, { retentionDays, now });
      if (outcome.purged > 0 || outcome.overdueUnsynced !== overdueUnsynced) {
        overdueUnsynced = outcome.overdueUnsynced;
        options.onStatusChange();
      }
      return { ...outcome, files };
    },
    setRetentionDays(days) {
      retentionDays = days;
    },
    status() {
      const alerts: StorageAlert[] = [...startupAlerts];
      if (overdueUnsynced > 0) alerts.push({ code: 'unsynced-past-retention', count: overdueUnsynced });
      return { state: failure === null ? 'ok' : 'failing', lastError: failure, unsyncedCount: countUnsynced(db), alerts };
    },
  };
}

/** Audits a start-up event and returns the alert the officer must see for it, if any. */
function alertAndAudit(db: Database, event: StartupEvent): StorageAlert[] {
  switch (event.kind) {
    case 'moved-aside': {
      const details = { movedTo: event.movedTo, cause: event.cause, reason: event.reason, salvage: event.salvage };
      appendAudit(db, { actor: 'station', action: 'database.moved-aside', details });
      return [{ code: 'database-moved-aside', ...details }];
    }
    case 'lost-acknowledged': {
      const details = { expectedSequence: event.expectedSequence, foundSequence: event.foundSequence, walCopy: event.walCopy };
      appendAudit(db, { actor: 'station', action: 'database.passages-lost', details });
      return [{ code: 'acknowledged-passages-lost', ...details }];
    }
    case 'encrypted-plaintext':
      appendAudit(db, { actor: 'station', action: 'database.encrypted' });
      return [];
  }
}
