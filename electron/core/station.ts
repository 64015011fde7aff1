import { join } from 'node:path';
import { classifyCode } from '../../shared/codes';
import { createCommandRouter, type CommandRouter } from '../../shared/contract/router';
import { createEventBus, type EventBus } from '../../shared/contract/event-bus';
import type { StationStatus } from '../../shared/contract/status';
import type { StationConfig } from '../../shared/config/station-config';
import { appVersion } from './app-info';
import { createOnlineMonitor } from './connectivity/online-monitor';
import type { DatabaseKey } from './db/database-key';
import { closeDatabase, openDatabase, type DatabaseDriver } from './db/open-database';
import { recordStationRun } from './db/station-runs';
import type { Logger } from './logging/logger';
import { countPassagesPerHour, searchPassages } from './store/passage-queries';
import { createStationStore, type StationStore } from './store/station-store';

export interface StationOptions {
  config: StationConfig;
  dataDir: string;
  host: StationStatus['host'];
  logger: Logger;
  databaseKey: DatabaseKey;
  databaseDriver?: DatabaseDriver;
  /** How often the central API is probed; tests shorten it. */
  connectivityIntervalMs?: number;
  /** How often expired records are purged. */
  retentionIntervalMs?: number;
}

/** The station core: everything the app does, with no window and no Electron. */
export interface Station {
  router: CommandRouter;
  events: EventBus;
  store: StationStore;
  status(): StationStatus;
  close(): void;
}

export const databaseFileName = 'station.db';

export function createStation(options: StationOptions): Station {
  const log = options.logger.child({ scope: 'station' });
  const startedAt = new Date().toISOString();
  const database = openDatabase(join(options.dataDir, databaseFileName), { key: options.databaseKey, driver: options.databaseDriver });
  for (const event of database.startupEvents) log.warn({ event }, 'database start-up event');
  recordStationRun(database.db, { startedAt, appVersion, host: options.host });

  const events = createEventBus((error) => log.warn({ err: error }, 'event listener failed'));
  const publishStatus = () => events.emit('status', status());
  const store = createStationStore(database.db, {
    checkpointId: options.config.checkpoint.id,
    direction: options.config.checkpoint.direction,
    keepRawPayload: options.config.privacy.keepRawPayload,
    clock: { now: () => new Date(), serverOffsetMs: () => null },
    retentionDays: options.config.retention.days,
    startupEvents: database.startupEvents,
    onStatusChange: publishStatus,
  });
  const monitor = createOnlineMonitor({
    apiUrl: options.config.api.url,
    intervalMs: options.connectivityIntervalMs ?? 5000,
    timeoutMs: 2000,
    onChange(connectivity) {
      log.info({ state: connectivity.state, lastError: connectivity.lastError }, 'connectivity changed');
      publishStatus();
    },
  });

  function status(): StationStatus {
    const { checkpoint, lanes } = options.config;
    return {
      appVersion,
      host: options.host,
      startedAt,
      checkpoint,
      lanes: lanes.map(({ id, name, source }) => ({ id, name, source })),
      database: { path: database.path, schemaVersion: database.schemaVersion },
      storage: store.status(),
      connectivity: monitor.current(),
    };
  }

  function purge(): void {
    const outcome = store.purgeExpired(new Date());
    if (outcome.purged > 0 || outcome.overdueUnsynced > 0) log.info(outcome, 'retention purge');
  }

  const router = createCommandRouter(
    {
      getStatus: () => status(),
      classifyCode: ({ payload, locale }) => classifyCode(payload, { locale }),
      searchPassages: (search) => searchPassages(database.db, search),
      countPassagesPerHour: (range) => countPassagesPerHour(database.db, range),
    },
    (command, error) => log.error({ command, err: error }, 'command failed'),
  );

  monitor.start();
  purge();
  const retentionTimer = setInterval(purge, options.retentionIntervalMs ?? 3_600_000);
  retentionTimer.unref();
  log.info({ dataDir: options.dataDir, schemaVersion: database.schemaVersion }, 'station started');

  return {
    router,
    events,
    store,
    status,
    close() {
      clearInterval(retentionTimer);
      monitor.stop();
      closeDatabase(database);
      log.info('station closed');
    },
  };
}
