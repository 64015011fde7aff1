import { join } from 'node:path';
import { createCommandRouter, type CommandRouter } from '../../shared/contract/router';
import { createEventBus, type EventBus } from '../../shared/contract/event-bus';
import type { StationStatus } from '../../shared/contract/status';
import type { StationConfig } from '../../shared/config/station-config';
import { appVersion } from './app-info';
import { createOnlineMonitor } from './connectivity/online-monitor';
import { openDatabase, type DatabaseDriver } from './db/open-database';
import { recordStationRun } from './db/station-runs';
import type { Logger } from './logging/logger';

export interface StationOptions {
  config: StationConfig;
  dataDir: string;
  host: StationStatus['host'];
  logger: Logger;
  databaseDriver?: DatabaseDriver;
  /** How often the central API is probed; tests shorten it. */
  connectivityIntervalMs?: number;
}

/** The station core: everything the app does, with no window and no Electron. */
export interface Station {
  router: CommandRouter;
  events: EventBus;
  status(): StationStatus;
  close(): void;
}

export const databaseFileName = 'station.db';

export function createStation(options: StationOptions): Station {
  const log = options.logger.child({ scope: 'station' });
  const startedAt = new Date().toISOString();
  const database = openDatabase(join(options.dataDir, databaseFileName), options.databaseDriver);
  recordStationRun(database.db, { startedAt, appVersion, host: options.host });

  const events = createEventBus((error) => log.warn({ err: error }, 'event listener failed'));
  const monitor = createOnlineMonitor({
    apiUrl: options.config.api.url,
    intervalMs: options.connectivityIntervalMs ?? 5000,
    timeoutMs: 2000,
    onChange(connectivity) {
      log.info({ state: connectivity.state, lastError: connectivity.lastError }, 'connectivity changed');
      events.emit('status', status());
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
      connectivity: monitor.current(),
    };
  }

  const router = createCommandRouter(
    { getStatus: () => status() },
    (command, error) => log.error({ command, err: error }, 'command failed'),
  );

  monitor.start();
  log.info({ dataDir: options.dataDir, schemaVersion: database.schemaVersion }, 'station started');

  return {
    router,
    events,
    status,
    close() {
      monitor.stop();
      database.db.close();
      log.info('station closed');
    },
  };
}
