import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { classifyCode, declarationToCode, validateDeclaration } from '../../shared/codes';
import { CommandError, createCommandRouter, type CommandRouter } from '../../shared/contract/router';
import { createEventBus, type EventBus } from '../../shared/contract/event-bus';
import type { StationStatus } from '../../shared/contract/status';
import type { StationConfig } from '../../shared/config/station-config';
import type { StationSettings } from '../../shared/config/station-settings';
import type { ShiftSummary } from '../../shared/records/shift-summary';
import { appVersion } from './app-info';
import { createConnectivityLog } from './connectivity/connectivity-log';
import { createOnlineMonitor } from './connectivity/online-monitor';
import { createSettingsService } from './config/settings-service';
import type { DatabaseKey } from './db/database-key';
import { closeDatabase, openDatabase, type DatabaseDriver } from './db/open-database';
import { recordStationRun } from './db/station-runs';
import type { Logger } from './logging/logger';
import { ensureWritableFolder } from './db/data-folder';
import { exportPassages } from './export/export-passages';
import { countPassagesPerHour, searchPassages } from './store/passage-queries';
import { createPassageAmendments } from './store/passage-amendments';
import { summariseShift, type ShiftRange } from './store/shift-summary';
import { createStationStore, type StationStore } from './store/station-store';
import { appendAudit } from './store/audit-log';
import { createOfficerSessions, type OfficerSessions } from './officers/officer-sessions';
import { writeShiftReport } from './reports/shift-report';
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
  /** The config file the settings screen saves to; null or absent = saving is refused. */
  configPath?: string | null;
}

/** The station core: everything the app does, with no window and no Electron. */
export interface Station {
  router: CommandRouter;
  events: EventBus;
  store: StationStore;
  sync: SyncEngine;
  lanes: LaneManager;
  /** Who is on shift (in memory: a restart means signing in again). */
  officers: OfficerSessions;
  /** One scan through the whole pipeline, recorded with the officer on shift; the result is also pushed as a `scan` event. */
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
  // The checkpoint's name is applied live from the settings screen; its id and direction at the next start.
  let checkpoint = config.checkpoint;
  const officers = createOfficerSessions(database.db, { onChange: () => publishStatus() });
  const connectivityLog = createConnectivityLog(database.db);
  // Closes an interval a crash left open: the time the station was down is not offline time.
  connectivityLog.note('stopped', new Date());
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
  const pinnedCaPem = readPinnedCa(config.api.caFile);
  const api =
    options.enrolment === null || config.api.url === null ? null : createApiClient({ baseUrl: config.api.url, token: options.enrolment.token, pinnedCaPem });
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
      if (connectivity.state !== 'unconfigured') connectivityLog.note(connectivity.state, new Date());
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
    officerId: () => officers.current()?.officerId ?? null,
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
      officer: officers.current(),
    };
  }

  const amendments = createPassageAmendments(database.db);
  /** An amended passage goes back to the central API; the unsynced count may have changed. */
  function amended<T>(passage: T): T {
    publishStatus();
    sync.trigger();
    return passage;
  }

  function actor(officerId: string | null = officers.current()?.officerId ?? null): string {
    return officerId === null ? 'station' : `officer:${officerId}`;
  }

  function shiftSummary(range: ShiftRange): ShiftSummary {
    if (range.from > range.to) throw new CommandError('invalid_input', 'the shift range ends before it starts');
    return summariseShift(database.db, range, {
      offlineMs: (within) => connectivityLog.offlineMs(within, new Date()),
      queue: () => {
        const { pending, deadLetters } = sync.status();
        return { pending, deadLetters };
      },
    });
  }

  const settings = createSettingsService({
    db: database.db,
    config,
    configPath: options.configPath ?? null,
    dataDir: options.dataDir,
    enrolment: options.enrolment,
    pinnedCaPem,
    actor: () => actor(),
    applyLive(saved: StationSettings) {
      checkpoint = { ...checkpoint, name: saved.checkpoint.name };
      lanes.setDedupeWindowMs(saved.dedupeWindowMs);
      store.setRetentionDays(saved.retentionDays);
      publishStatus();
    },
  });

  function purge(): void {
    const outcome = store.purgeExpired(new Date());
    if (outcome.purged > 0 || outcome.overdueUnsynced > 0) log.info(outcome, 'retention purge');
  }

  const router = createCommandRouter(
    {
      getStatus: () => status(),
      classifyCode: ({ payload, locale }) => classifyCode(payload, { locale }),
      submitScan: ({ laneId, payload, plate }) => processScan({ laneId, code: { raw: payload }, plate }),
      searchPassages: (search) => searchPassages(database.db, search),
      countPassagesPerHour: (range) => countPassagesPerHour(database.db, range),
      exportPassages: async ({ from, to, format, unmasked, officerId }) => {
        const path = timestampedFile(options.dataDir, 'exports', 'passages', format);
        const { rows } = await exportPassages(database.db, { from, to, format, unmasked, actor: actor(officerId ?? undefined) }, path);
        return { path, rows };
      },
      reportDecodedCode: (input) => lanes.report(input),
      signIn: ({ officerId, pin }) => officers.signIn(officerId, pin),
      signOut: () => ({ signedOut: officers.signOut() }),
      getPassage: ({ id }) => {
        const passage = store.get(id);
        if (passage === null) throw new CommandError('invalid_input', `no passage with id ${id}`);
        return passage;
      },
      overrideVerdict: ({ passageId, verdict, reason }) => amended(amendments.override(passageId, { verdict, reason }, officers.require().officerId, new Date())),
      annotatePassage: ({ passageId, plate, note }) => amended(amendments.annotate(passageId, { plate, note }, officers.require().officerId, new Date())),
      submitDeclaration: async ({ laneId, form, locale }) => {
        const { declaration, problems } = validateDeclaration(form, { locale });
        if (declaration === undefined) return { accepted: false, problems };
        const result = await processScan({ laneId, code: { classified: declarationToCode(declaration, { locale }) }, plate: declaration.vehiclePlate });
        return { accepted: true, result };
      },
      shiftSummary,
      exportShiftReport: async ({ locale, ...range }) => {
        const summary = shiftSummary(range);
        const path = timestampedFile(options.dataDir, 'reports', 'shift', 'pdf');
        const content = { summary, checkpoint, officer: officers.current(), utcOffsetMinutes: range.utcOffsetMinutes, locale, generatedAt: new Date() };
        try {
          await writeShiftReport(content, path);
        } catch (error) {
          await rm(path, { force: true });
          throw new CommandError('unavailable', `the shift report was not written (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${(error as Error).message}`);
        }
        appendAudit(database.db, { actor: actor(), action: 'export', details: { format: 'pdf', report: 'shift', from: range.from, to: range.to } });
        return { path };
      },
      getSettings: () => settings.view(),
      saveSettings: (input) => settings.save(input),
      enrol: (input) => settings.enrol(input),
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
    officers,
    processScan,
    status,
    async close() {
      clearInterval(retentionTimer);
      await lanes.close();
      monitor.stop();
      await sync.stop();
      connectivityLog.note('stopped', new Date());
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

/** `<data>/<folder>/<prefix>-<UTC time>.<ext>`, the folder made if needed: exports and reports. */
function timestampedFile(dataDir: string, folder: string, prefix: string, extension: string): string {
  const path = join(dataDir, folder, `${prefix}-${new Date().toISOString().replace(/[:.]/g, '-')}.${extension}`);
  ensureWritableFolder(dirname(path));
  return path;
}
