import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCode, type Locale } from '../../shared/codes';
import { createCommandRouter, type CommandRouter } from '../../shared/contract/router';
import { createEventBus, type EventBus } from '../../shared/contract/event-bus';
import type { StationStatus, VerificationStatus } from '../../shared/contract/status';
import type { StationConfig } from '../../shared/config/station-config';
import type { StationSettings } from '../../shared/config/station-settings';
import type { ScanResult } from '../../shared/records/scan-result';
import { maskName } from '../../shared/privacy/mask';
import { appVersion } from './app-info';
import { createApiClient } from './central/api-client';
import { createEnrolmentStore, type Enrolment } from './central/enrolment';
import { createSettingsService } from './config/settings-service';
import { createOnlineMonitor } from './connectivity/online-monitor';
import { databaseFileName } from './db/data-folder';
import { isDatabaseCorruption, isDatabaseError } from './db/database-errors';
import type { DatabaseKey, KeySealer } from './db/database-key';
import { closeDatabase, openDatabase, recoverDamagedDatabase, type DatabaseDriver, type OpenDatabaseOptions } from './db/open-database';
import { recordStationRun } from './db/station-runs';
import type { CoreContext } from './handlers/context';
import { mergeHandlers } from './handlers/merge-handlers';
import { officerHandlers } from './handlers/officers';
import { passageHandlers } from './handlers/passages';
import { scanningHandlers } from './handlers/scanning';
import { settingsHandlers } from './handlers/settings';
import { shiftHandlers } from './handlers/shift';
import { supportHandlers } from './handlers/support';
import { createLaneManager, type LaneManager, type LaneRuntimeOptions } from './lanes/lane-manager';
import type { Logger } from './logging/logger';
import type { OfficerSessions } from './officers/officer-sessions';
import { createScanPipeline, type ScanInput } from './pipeline/process-scan';
import { createEuDccReader } from './dcc/read-eu-dcc';
import { openTrustListCache, trustListMacKey } from './dcc/trust-list-cache';
import { openStationRecords, referenceStaleAfterMs, type StationRecords } from './station-records';
import { appendAudit } from './store/audit-log';
import type { StationStore } from './store/station-store';
import type { SyncEngine } from './sync/sync-engine';

export interface StationOptions {
  config: StationConfig;
  dataDir: string;
  host: StationStatus['host'];
  logger: Logger;
  databaseKey: DatabaseKey;
  databaseDriver: DatabaseDriver;
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
  /** The config file the settings screen saves to; null or absent = saving is refused. */
  configPath?: string | null;
  /** How secrets are kept in the data folder (the OS keychain in the desktop app); an owner-only file by default. */
  keySealer?: KeySealer;
}

/** The station core: everything the app does, with no window and no Electron. */
export interface Station {
  router: CommandRouter;
  events: EventBus;
  /** The records, the sync engine and the officers on shift in use now: replaced as a whole if the database is found damaged. */
  readonly store: StationStore;
  readonly sync: SyncEngine;
  /** Who is on shift (in memory: a restart means signing in again). */
  readonly officers: OfficerSessions;
  lanes: LaneManager;
  /** One scan through the whole pipeline, recorded with the officer on shift; the result is also pushed as a `scan` event. */
  processScan(input: ScanInput): Promise<ScanResult>;
  status(): StationStatus;
  close(): Promise<void>;
}

export function createStation(options: StationOptions): Station {
  const log = options.logger.child({ scope: 'station' });
  const startedAt = new Date().toISOString();
  const { config } = options;
  const openOptions: OpenDatabaseOptions = { key: options.databaseKey, driver: options.databaseDriver };
  const events = createEventBus((error) => log.warn({ err: error }, 'event listener failed'));
  const publishStatus = () => events.emit('status', status());
  // The checkpoint's name is applied live from the settings screen; its id and direction at the next start.
  let checkpoint = config.checkpoint;
  let verification: VerificationStatus = { lastRefusal: null };
  let retentionDays = config.retention.days;

  const pinnedCaPem = readPinnedCa(config.api.caFile);
  // One client for every call to the central API (probe, verify, sync): one transport policy, one pinned CA.
  const client = config.api.url === null ? null : createApiClient({ baseUrl: config.api.url, token: options.enrolment?.token ?? null, pinnedCaPem });
  const api = options.enrolment === null ? null : client;

  function open(database: ReturnType<typeof openDatabase>): StationRecords {
    for (const event of database.startupEvents) log.warn({ event }, 'database start-up event');
    const opened = openStationRecords(database, {
      config,
      stationId: options.enrolment?.stationId ?? config.checkpoint.id,
      api,
      logger: options.logger,
      retentionDays,
      trustList,
      sync: options.sync,
      onChange: publishStatus,
      onDatabaseError: (error) => storageFault(error),
    });
    // Closes an interval a crash left open: the time the station was down is not offline time.
    opened.connectivityLog.note('stopped', new Date());
    return opened;
  }
  // Vaccine passports are verified offline against the cached trust list, whatever the network.
  const trustList = openTrustListCache(options.dataDir, referenceStaleAfterMs, trustListMacKey(options.databaseKey));
  const readEuDcc = createEuDccReader(() => trustList.current(), () => records.reference.dccRules.value());
  const classify = (raw: string, locale?: Locale) => classifyCode(raw, { locale, readEuDcc });
  let records = open(openDatabase(join(options.dataDir, databaseFileName), openOptions));
  recordStationRun(records.database.db, { startedAt, appVersion, host: options.host });

  // Before anything that may publish a status, which reports the lanes.
  const lanes = createLaneManager({
    ...options.lanes,
    lanes: config.lanes,
    dedupeWindowMs: config.dedupeWindowMs,
    processScan: (input) => processScan(input),
    events,
    onChange: publishStatus,
    logger: options.logger,
  });
  const monitor = createOnlineMonitor({
    apiUrl: config.api.url,
    probe: (timeoutMs) => (client === null ? Promise.resolve() : client.health(timeoutMs)),
    intervalMs: options.connectivityIntervalMs ?? 5000,
    timeoutMs: 2000,
    onChange(connectivity) {
      log.info({ state: connectivity.state, lastError: connectivity.lastError }, 'connectivity changed');
      const { state } = connectivity;
      if (state !== 'unconfigured') guardStorage(() => records.connectivityLog.note(state, new Date()));
      if (state === 'online') records.sync.retryNow();
      publishStatus();
    },
  });
  const runScan = createScanPipeline({
    checkpoint: config.checkpoint,
    classify: (raw) => classify(raw),
    // Known offline: decide at once instead of waiting out the deadline on every scan.
    api: () => (monitor.current().state === 'offline' && monitor.current().checkedAt !== null ? null : api),
    reference: () => records.reference.current(),
    record: (draft, sightingId) => records.store.record(draft, sightingId),
    officerId: () => records.officers.current()?.officerId ?? null,
    verifyDeadlineMs: options.verifyDeadlineMs ?? 1500,
    keepRawPayload: config.privacy.keepRawPayload,
    publish(result) {
      events.emit('scan', forWhoeverIsThere(result));
      if (result.passageId !== null) records.sync.trigger();
    },
    onOnlineCheck(check) {
      const next = check.state === 'refused' ? { lastRefusal: { at: new Date().toISOString(), status: check.status, code: check.code } } : check.state === 'answered' ? { lastRefusal: null } : verification;
      if (next === verification) return;
      verification = next;
      publishStatus();
    },
    logger: options.logger,
  });
  const processScan = async (input: ScanInput) => forWhoeverIsThere(await runScan(input));
  /** With nobody signed in, whoever stands at the screen sees the verdict, not the name. */
  function forWhoeverIsThere(result: ScanResult): ScanResult {
    if (records.officers.current() !== null || result.person?.fullName == null) return result;
    return { ...result, person: { ...result.person, fullName: maskName(result.person.fullName) } };
  }

  let recovering: Promise<void> | null = null;
  /**
   * A database error anywhere, not only while recording: the officer sees the storage failing
   * (NOT RECORDED) instead of the station stopping. A damaged file is set aside, what it still
   * holds is salvaged into a new one, and the station goes on with that.
   */
  function storageFault(error: unknown): void {
    log.error({ err: error }, 'database error');
    records.store.noteFailure(error);
    if (isDatabaseCorruption(error)) recovering ??= recover(error).finally(() => (recovering = null));
  }
  async function recover(error: unknown): Promise<void> {
    const damaged = records;
    await damaged.sync.stop();
    const reason = `${(error as { code?: string }).code ?? 'SQLITE_CORRUPT'} while running: ${(error as Error).message}`;
    const onShift = damaged.officers.current();
    records = open(recoverDamagedDatabase(damaged.database, reason, openOptions));
    if (onShift !== null) records.officers.resume(onShift);
    records.sync.start();
    log.warn({ movedTo: records.database.startupEvents[0] }, 'damaged database set aside, a new one in use');
    publishStatus();
  }
  function guardStorage(work: () => void): void {
    try {
      work();
    } catch (error) {
      if (!isDatabaseError(error)) throw error;
      storageFault(error);
    }
  }

  // The figures the status last read from the database: a damaged or failing one must not take the status (and the screen) down with it.
  let lastRead = { storage: records.store.status(), sync: records.sync.status() };
  function readRecords(): typeof lastRead {
    try {
      lastRead = { storage: records.store.status(), sync: records.sync.status() };
    } catch (error) {
      if (!isDatabaseError(error)) throw error;
      lastRead = { ...lastRead, storage: { ...lastRead.storage, state: 'failing', lastError: `the records cannot be read (${error.code}): ${error.message}` } };
    }
    return lastRead;
  }

  function status(): StationStatus {
    const { storage, sync } = readRecords();
    return {
      appVersion,
      host: options.host,
      startedAt,
      checkpoint,
      lanes: lanes.status(),
      database: { path: records.database.path, schemaVersion: records.database.schemaVersion },
      storage,
      sync,
      reference: { ...records.reference.status(new Date()), dccTrustList: trustList.status(new Date()) },
      connectivity: monitor.current(),
      verification,
      officer: records.officers.current(),
      setupRequired: records.officerAdmin.needsFirstSupervisor(),
    };
  }

  const actor = () => {
    const officerId = records.officers.current()?.officerId ?? null;
    return officerId === null ? 'station' : `officer:${officerId}`;
  };
  const settings = createSettingsService({
    audit: (record) => appendAudit(records.database.db, record),
    config,
    configPath: options.configPath ?? null,
    enrolments: createEnrolmentStore(options.dataDir, options.keySealer),
    enrolment: options.enrolment,
    pinnedCaPem,
    actor,
    applyLive(saved: StationSettings) {
      checkpoint = { ...checkpoint, name: saved.checkpoint.name };
      lanes.setDedupeWindowMs(saved.dedupeWindowMs);
      retentionDays = saved.retentionDays;
      records.store.setRetentionDays(saved.retentionDays);
      publishStatus();
    },
  });

  const core: CoreContext = { records: () => records, lanes, processScan, classify, settings, status, publishStatus, checkpoint: () => checkpoint, dataDir: options.dataDir, config, configPath: options.configPath ?? null, actor };
  const router = createCommandRouter(mergeHandlers(scanningHandlers(core), passageHandlers(core), shiftHandlers(core), officerHandlers(core), settingsHandlers(core), supportHandlers(core)), {
    principal: () => records.officers.current()?.role ?? 'nobody',
    onInternalError(command, error) {
      log.error({ command, err: error }, 'command failed');
      if (isDatabaseError(error)) storageFault(error);
    },
  });

  function purge(): void {
    guardStorage(() => {
      const outcome = records.store.purgeExpired(new Date());
      const { files } = outcome;
      if (outcome.purged > 0 || outcome.overdueUnsynced > 0 || files.exports + files.reports + files.failed > 0) log.info(outcome, 'retention purge');
    });
  }

  monitor.start();
  records.sync.start();
  purge();
  const retentionTimer = setInterval(purge, options.retentionIntervalMs ?? 3_600_000);
  retentionTimer.unref();
  log.info({ dataDir: options.dataDir, schemaVersion: records.database.schemaVersion }, 'station started');

  return {
    router,
    events,
    get store() {
      return records.store;
    },
    get sync() {
      return records.sync;
    },
    get officers() {
      return records.officers;
    },
    lanes,
    processScan,
    status,
    async close() {
      clearInterval(retentionTimer);
      await lanes.close();
      monitor.stop();
      await recovering;
      await records.sync.stop();
      guardStorage(() => records.connectivityLog.note('stopped', new Date()));
      closeDatabase(records.database);
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
