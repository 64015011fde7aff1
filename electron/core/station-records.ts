import type { StationConfig } from '../../shared/config/station-config';
import { DEFAULT_RULE_SET } from '../../shared/rules/default-rules';
import type { ApiClient } from './central/api-client';
import { createReferenceCache } from './central/reference-cache';
import { createConnectivityLog } from './connectivity/connectivity-log';
import type { TrustListCache } from './dcc/trust-list-cache';
import type { OpenedDatabase } from './db/open-database';
import type { Logger } from './logging/logger';
import { createOfficerAdmin } from './officers/officer-admin';
import { createOfficerSessions } from './officers/officer-sessions';
import { createPassageAlerts } from './store/passage-alerts';
import { createPassageAmendments } from './store/passage-amendments';
import { createStationStore } from './store/station-store';
import { createOutbox } from './sync/outbox';
import { createSyncEngine, type SyncEngineOptions } from './sync/sync-engine';

/** Reference data older than this is flagged stale to the officer. */
export const referenceStaleAfterMs = 24 * 3_600_000;

export interface StationRecordsOptions {
  config: StationConfig;
  stationId: string;
  api: ApiClient | null;
  logger: Logger;
  retentionDays: number;
  trustList: TrustListCache;
  sync?: Pick<SyncEngineOptions, 'idleMs' | 'baseDelayMs' | 'maxDelayMs' | 'batchSize'>;
  /** Something the officer sees changed. */
  onChange(): void;
  /** A database error anywhere in these parts (a record, a settle): the station decides what it means. */
  onDatabaseError(error: unknown): void;
}

/**
 * Everything built on one open database. Kept together so that a database found damaged while
 * running can be replaced as a whole: every prepared statement belongs to the old connection.
 */
export function openStationRecords(database: OpenedDatabase, options: StationRecordsOptions) {
  const { db } = database;
  const { config } = options;
  const log = options.logger.child({ scope: 'station' });
  const reference = createReferenceCache(db, DEFAULT_RULE_SET, referenceStaleAfterMs);
  const alerts = createPassageAlerts(db);
  const sync = createSyncEngine({
    outbox: createOutbox(db, options.stationId, alerts),
    alerts,
    api: options.api,
    reference,
    trustList: options.trustList,
    logger: options.logger,
    onChange: options.onChange,
    onRetroAlert: (passageIds) => log.warn({ passageIds }, 'passages decided offline were judged worse by the central API'),
    onStorageError: options.onDatabaseError,
    ...options.sync,
  });
  const store = createStationStore(db, {
    checkpointId: config.checkpoint.id,
    direction: config.checkpoint.direction,
    keepRawPayload: config.privacy.keepRawPayload,
    clock: { now: () => new Date(), serverOffsetMs: () => sync.serverOffsetMs() },
    retentionDays: options.retentionDays,
    startupEvents: database.startupEvents,
    onStatusChange: options.onChange,
    onDatabaseError: options.onDatabaseError,
  });
  return {
    database,
    store,
    reference,
    alerts,
    sync,
    officers: createOfficerSessions(db, { onChange: options.onChange }),
    officerAdmin: createOfficerAdmin(db),
    connectivityLog: createConnectivityLog(db),
    amendments: createPassageAmendments(db),
  };
}

export type StationRecords = ReturnType<typeof openStationRecords>;
