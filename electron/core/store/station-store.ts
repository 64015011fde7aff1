import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { StorageAlert, StorageStatus } from '../../../shared/contract/status';
import type { Passage, PassageDraft } from '../../../shared/records/passage';
import type { StartupEvent } from '../db/open-database';
import { appendAudit } from './audit-log';
import { countUnsynced } from './passage-queries';
import { createPassageStore, RecordNotStoredError, type PassageStoreOptions } from './passage-store';
import { purgeExpiredPassages, type PurgeOutcome } from './retention';

export type RecordOutcome = { recorded: true; passage: Passage } | { recorded: false; error: string };

export interface StationStore {
  /** Never throws for a storage failure: the outcome says NOT RECORDED and the status turns `failing`. */
  record(draft: PassageDraft): RecordOutcome;
  get(id: string): Passage | null;
  purgeExpired(now: Date): PurgeOutcome;
  /** The retention period from the next purge on (the settings screen). */
  setRetentionDays(days: number): void;
  status(): StorageStatus;
}

export interface StationStoreOptions extends PassageStoreOptions {
  retentionDays: number;
  startupEvents: readonly StartupEvent[];
  /** Called whenever status() would answer differently. */
  onStatusChange(): void;
}

/** The records side of the core: the passage store plus the health the officer must see. */
export function createStationStore(db: Database, options: StationStoreOptions): StationStore {
  const passages = createPassageStore(db, options);
  let failure: string | null = null;
  let overdueUnsynced = 0;
  let retentionDays = options.retentionDays;
  const movedAside: StorageAlert[] = [];

  for (const event of options.startupEvents) {
    if (event.kind === 'moved-aside') {
      movedAside.push({ code: 'database-moved-aside', movedTo: event.movedTo, reason: event.reason });
      appendAudit(db, { actor: 'station', action: 'database.moved-aside', details: { movedTo: event.movedTo, reason: event.reason } });
    } else {
      appendAudit(db, { actor: 'station', action: 'database.encrypted' });
    }
  }

  return {
    record(draft) {
      try {
        const passage = passages.record(draft);
        failure = null;
        options.onStatusChange();
        return { recorded: true, passage };
      } catch (error) {
        if (!(error instanceof RecordNotStoredError)) throw error;
        failure = error.message;
        options.onStatusChange();
        return { recorded: false, error: error.message };
      }
    },
    get: (id) => passages.get(id),
    purgeExpired(now) {
      const outcome = purgeExpiredPassages(db, { retentionDays, now });
      if (outcome.purged > 0 || outcome.overdueUnsynced !== overdueUnsynced) {
        overdueUnsynced = outcome.overdueUnsynced;
        options.onStatusChange();
      }
      return outcome;
    },
    setRetentionDays(days) {
      retentionDays = days;
    },
    status() {
      const alerts: StorageAlert[] = [...movedAside];
      if (overdueUnsynced > 0) alerts.push({ code: 'unsynced-past-retention', count: overdueUnsynced });
      return { state: failure === null ? 'ok' : 'failing', lastError: failure, unsyncedCount: countUnsynced(db), alerts };
    },
  };
}
