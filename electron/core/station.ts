import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
import { ensureWritableFolder } from './db/data-folder';
import { exportPassages } from './export/export-passages';
import { countPassagesPerHour, searchPassages } from './store/passage-queries';
import { createStationStore, type StationStore } from './store/station-store';
import { createApiClient } from './central/api-client';
import type { Enrolment } from './central/enrolment';
import { createReferenceCache } from './central/reference-cache';
import { createScanProcessor, type ScanInput } from './pipeline/process-scan';
import { toScanResult } from './pipeline/scan-result';
import { createOutbox } from './sync/outbox';
import { createSyncEngine, type SyncEngine } from './sync/sync-engine';
import { DEFAULT_RULE_SET } from '../../shared/rules/default-rules';
import type { ScanResult } from '../../shared/records/scan-result';
import { createLaneManager, type LaneManager, type LaneRuntimeOptions } from './lanes/lane-manager';

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
  /** The station's credential for the configured central API; null = not enrolled (offline only). */
  enrolment: Enrolment | null;
  /** Past this, a verdict is decided offline. */
  verifyDeadlineMs?: number;
  /** Sync tuning, for tests. */
  sync?: { idleMs?: number; baseDelayMs?: number; maxDelayMs?: number; batchSize?: number };
  /** Lane sources and decoders (fakes in tests); core sources run once `lanes.start()` is called. */
  lanes?: LaneRuntimeOptions;
}

/** The station core: everything the app does, with no window and no Electron. */
export interface Station {
  router: CommandRouter;
  events: EventBus;
  store: StationStore;
  sync: SyncEngine;
  lanes: LaneManager;
  /** One scan through the whole pipeline; the result is also pushed as a `scan` event. */
  processScan(input: ScanInput): Promise<ScanResult>;
  status(): StationStatus;
  close(): Promise<void>;
}

/** Reference data older than this is flagged stale to the officer. */
const referenceStaleAfterMs = 24 * 3_600_000;

export const databaseFileName = 'station.db';

export function createStation(options: StationOptions): Station {
  const log = options.logger.child({ scope: 'station' });
  const startedAt = new Date().toISOString();
  const database = openDatabase(join(options.dataDir, databaseFileName), { key: options.databaseKey, driver: options.databaseDriver });
  for (const event of database.startupEvents) log.warn({ event }, 'database start-up event');
  recordStationRun(database.db, { startedAt, appVersion, host: options.host });

  const events = createEventBus((error) => log.warn({ err: error }, 'event listener failed'));
  const publishStatus = () => events.emit('status', status());
  const { config } = options;
  // Before anything that may publish a status, which reports the lanes.
  const lanes = createLaneManager({
    ...options.lanes,
    lanes: config.lanes,
    dedupeWindowMs: config.dedupeWindowMs,
    processScan,
    events,
    onChange: publishStatus,
    logger: options.logger,
  });
  const api =
    options.enrolment === null || config.api.url === null
      ? null
      : createApiClient({ baseUrl: config.api.url, token: options.enrolment.token, pinnedCaPem: readPinnedCa(config.api.caFile) });
  const reference = createReferenceCache(database.db, DEFAULT_RULE_SET, referenceStaleAfterMs);
  const sync = createSyncEngine({
    db: database.db,
    outbox: createOutbox(database.db, options.enrolment?.stationId ?? config.checkpoint.id),
    api,
    reference,
    logger: options.logger,
    onChange: publishStatus,
    onRetroAlert: (passageIds) => log.warn({ passageIds }, 'VNeID codes scanned offline were not genuine or denied'),
    ...options.sync,
  });
  const store = createStationStore(database.db, {
    checkpointId: config.checkpoint.id,
    direction: config.checkpoint.direction,
    keepRawPayload: config.privacy.keepRawPayload,
    clock: { now: () => new Date(), serverOffsetMs: () => sync.serverOffsetMs() },
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
      if (connectivity.state === 'online') sync.trigger();
      publishStatus();
    },
  });
  const runScan = createScanProcessor({
    checkpoint: config.checkpoint,
    // Known offline: decide at once instead of waiting out the deadline on every scan.
    api: () => (monitor.current().state === 'offline' && monitor.current().checkedAt !== null ? null : api),
    reference: () => reference.current(),
    record: (draft) => store.record(draft),
    verifyDeadlineMs: options.verifyDeadlineMs ?? 1500,
    keepRawPayload: config.privacy.keepRawPayload,
  });

  async function processScan(input: ScanInput): Promise<ScanResult> {
    const result = toScanResult(input.laneId, await runScan(input), new Date());
    events.emit('scan', result);
    if (result.passageId !== null) sync.trigger();
    return result;
  }

  function status(): StationStatus {
    const { checkpoint } = options.config;
    return {
      appVersion,
      host: options.host,
      startedAt,
      checkpoint,
      lanes: lanes.status(),
      database: { path: database.path, schemaVersion: database.schemaVersion },
      storage: store.status(),
      sync: sync.status(),
      reference: reference.status(new Date()),
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
      submitScan: ({ laneId, payload, plate }) => processScan({ laneId, code: { raw: payload }, officerId: null, plate }),
      searchPassages: (search) => searchPassages(database.db, search),
      countPassagesPerHour: (range) => countPassagesPerHour(database.db, range),
      exportPassages: async ({ from, to, format, unmasked, officerId }) => {
        const path = join(options.dataDir, 'exports', `passages-${new Date().toISOString().replace(/[:.]/g, '-')}.${format}`);
        ensureWritableFolder(dirname(path));
        const actor = officerId === null ? 'station' : `officer:${officerId}`;
        const { rows } = await exportPassages(database.db, { from, to, format, unmasked, actor }, path);
        return { path, rows };
      },
      reportDecodedCode: (input) => lanes.report(input),
    },
    (command, error) => log.error({ command, err: error }, 'command failed'),
  );

  monitor.start();
  sync.start();
  purge();
  const retentionTimer = setInterval(purge, options.retentionIntervalMs ?? 3_600_000);
  retentionTimer.unref();
  log.info({ dataDir: options.dataDir, schemaVersion: database.schemaVersion }, 'station started');

  return {
    router,
    events,
    store,
    sync,
    lanes,
    processScan,
    status,
    async close() {
      clearInterval(retentionTimer);
      await lanes.close();
      monitor.stop();
      await sync.stop();
      closeDatabase(database);
      log.info('station closed');
    },
  };
}

/** The pinned CA of a closed network, read once at start; a missing file stops the start plainly. */
export function readPinnedCa(caFile: string | null): string | null {
  if (caFile === null) return null;
  try {
    return readFileSync(caFile, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the pinned CA file ${caFile}: ${(error as Error).message}`, { cause: error });
  }
}
