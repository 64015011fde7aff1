import type { LaneConfig } from '../../../shared/config/station-config';
import type { EventBus } from '../../../shared/contract/event-bus';
import { CommandError } from '../../../shared/contract/router';
import type { LaneStatus } from '../../../shared/contract/status';
import type { LaneHealthReport, ReportDecodedCode } from '../../../shared/contract/lanes';
import { defaultEngineName, type DecodeOptions, type DecoderEngine, type EngineName } from '../../../shared/decoding/types';
import { withoutUrlCredentials } from '../../../shared/privacy/url-credentials';
import type { ScanResult } from '../../../shared/records/scan-result';
import { startWorkerDecoder } from '../decoding/worker-decoder';
import type { Logger } from '../logging/logger';
import type { ScanInput } from '../pipeline/process-scan';
import { createDedupeWindow } from './dedupe-window';
import { startLaneRunner, type FoundCode, type LaneRunner, type LaneTimeouts } from './lane-runner';
import { sourceForUri, type SourceEnvironment } from './sources/open-source';
import type { LaneSource } from './sources/source';

/** How lanes get their sources and decoders; tests and the bench inject fakes. */
export interface LaneRuntimeOptions extends SourceEnvironment {
  engine?: EngineName;
  startDecoder?: (engine: EngineName, options: DecodeOptions) => Promise<DecoderEngine>;
  sourceFor?: (config: LaneConfig) => LaneSource | null;
  /** For every lane, under what a lane's own configuration says. */
  timeouts?: Partial<LaneTimeouts>;
  backoff?: { baseMs: number; capMs: number };
}

/** A passage a lane produced (or tried to: `result.passageId` null = NOT RECORDED). */
export interface LaneScan {
  laneId: string;
  frame: number | null;
  capturedAt: number;
  /** The decoded text: personal data, for `station run --show-payload` only. */
  text: string;
  result: ScanResult;
}

export interface LaneManagerOptions extends LaneRuntimeOptions {
  lanes: readonly LaneConfig[];
  dedupeWindowMs: number;
  processScan(input: ScanInput): Promise<ScanResult>;
  events: EventBus;
  /** A lane's state, error or restart count changed. */
  onChange(): void;
  logger: Logger;
}

interface Lane {
  config: LaneConfig;
  source: LaneSource | null;
  runner: LaneRunner | null;
  dedupe: ReturnType<typeof createDedupeWindow>;
  lastCodeAt: string | null;
  /** Why the last scan on this lane was not recorded; null once one is. */
  scanError: string | null;
  /** Report ids already taken from the renderer, with their answer: a retried report is not a second sighting. */
  reports: Map<string, Promise<{ duplicate: boolean }>>;
  /** Scans run one after another per lane, so passages are recorded in the order seen. */
  scans: Promise<void>;
  /** A webcam lane's last word from the app window, and when it came. */
  windowHealth: { report: LaneHealthReport; at: number } | null;
}

/** A window reports every 2 s; past this it is gone (closed, crashed, never opened) and the camera is not watched. */
const windowHealthStaleMs = 6000;

const isWebcam = (lane: Lane) => lane.source === null && lane.config.source.startsWith('webcam:');

/** A webcam lane's run state from what its window last said; a keyboard lane's stays `external` (a scanner says nothing until it scans). */
function windowLaneRun(lane: Lane, now: number) {
  const idle = { phase: null, fpsIn: 0, fpsDecoded: 0, drops: 0, restarts: 0 };
  if (!isWebcam(lane)) return { ...idle, state: 'external' as const, lastError: null };
  const health = lane.windowHealth;
  if (health === null || now - health.at > windowHealthStaleMs) {
    return { ...idle, state: 'stopped' as const, lastError: health === null ? null : 'the app window stopped reporting this camera' };
  }
  const { camera, fpsIn, fpsDecoded, error } = health.report;
  const state = camera === 'live' ? ('running' as const) : camera === 'opening' ? ('starting' as const) : ('restarting' as const);
  return { ...idle, state, fpsIn, fpsDecoded, lastError: error };
}

/** A code whose passage was not recorded is tried again when still in view this long after. */
const unrecordedRetryMs = 1000;
/** Enough for every report a renderer can retry across a bridge reconnect. */
const rememberedReports = 512;

/**
 * Every lane's pipeline after its decoder: dedupe on capture time → `processScan` → durable record,
 * with a `laneCode` event for every code seen. The core's own sources (files, cameras through
 * ffmpeg, serial scanners) and the renderer's reports (webcam, keyboard wedge) go through the same.
 */
export function createLaneManager(options: LaneManagerOptions) {
  const log = options.logger.child({ scope: 'lanes' });
  const sourceFor = options.sourceFor ?? ((config: LaneConfig) => sourceForUri(config.source, { ...options, rtspTransport: config.rtspTransport }));
  const startDecoder = options.startDecoder ?? ((engine: EngineName, decodeOptions: DecodeOptions) => startWorkerDecoder({ ...decodeOptions, engine }));
  const lanes = new Map<string, Lane>(
    options.lanes.map((config) => [
      config.id,
      {
        config,
        source: sourceFor(config),
        runner: null,
        dedupe: createDedupeWindow(options.dedupeWindowMs),
        lastCodeAt: null,
        scanError: null,
        reports: new Map(),
        scans: Promise.resolve(),
        windowHealth: null,
      },
    ]),
  );
  const scanListeners = new Set<(scan: LaneScan) => void>();
  let refresh: ReturnType<typeof setInterval> | undefined;

  /** A sighting: dedupe, then (a new one) queued for the lane's pipeline; `processed` settles once it is recorded or said NOT RECORDED. */
  function accept(lane: Lane, code: FoundCode, sightingId: string | null = null): { duplicate: boolean; processed: Promise<void> } {
    const duplicate = lane.dedupe.seen(code.text, code.capturedAt);
    const { text, ...sighting } = code;
    options.events.emit('laneCode', { laneId: lane.config.id, ...sighting, duplicate });
    lane.lastCodeAt = new Date(code.decodedAt).toISOString();
    if (duplicate) return { duplicate, processed: Promise.resolve() };
    lane.scans = lane.scans.then(async () => {
      try {
        const result = await options.processScan({ laneId: lane.config.id, code: { raw: text }, sightingId });
        noteRecorded(lane, text, code.capturedAt, result.recordError);
        for (const listener of scanListeners) listener({ laneId: lane.config.id, frame: code.frame, capturedAt: code.capturedAt, text, result });
      } catch (error) {
        // The pipeline answers NOT RECORDED itself; only a bug gets here, and the lane says so.
        log.error({ laneId: lane.config.id, err: error }, 'scan failed');
        noteRecorded(lane, text, code.capturedAt, error instanceof Error ? error.message : String(error));
      }
    });
    options.onChange();
    return { duplicate, processed: lane.scans };
  }

  function noteRecorded(lane: Lane, text: string, capturedAt: number, recordError: string | null): void {
    if (recordError !== null) lane.dedupe.retry(text, capturedAt + unrecordedRetryMs);
    if (recordError === lane.scanError) return;
    lane.scanError = recordError;
    options.onChange();
  }

  return {
    /** Starts the lanes whose source the core reads itself. */
    start(): void {
      for (const lane of lanes.values()) {
        if (lane.source === null || lane.runner !== null) continue;
        const laneLog = log.child({ laneId: lane.config.id });
        lane.runner = startLaneRunner({
          source: lane.source,
          // A lane's frames are one camera's consecutive pictures (a file's too): a code read is tracked.
          startDecoder: () => startDecoder(options.engine ?? defaultEngineName, { track: true }),
          onCode: (code) => {
            accept(lane, code);
          },
          onChange() {
            const status = lane.runner?.status();
            if (status?.state === 'restarting') laneLog.warn({ lastError: status.lastError, restarts: status.restarts }, 'lane source restarting');
            options.onChange();
          },
          timeouts: { ...options.timeouts, ...lane.config.timeouts },
          backoff: options.backoff,
        });
      }
      // Frame rates change without any event: the status screen gets them once a second.
      if (refresh === undefined && [...lanes.values()].some((lane) => lane.runner !== null)) refresh = setInterval(options.onChange, 1000).unref();
    },

    /**
     * A code the renderer decoded on a webcam or keyboard lane, answered once its passage is
     * recorded (or said NOT RECORDED): until then the page keeps it and retries, so a station that
     * stops in between loses nothing, and the report id keeps a retry from becoming a second passage.
     */
    async report(input: ReportDecodedCode): Promise<{ duplicate: boolean }> {
      const lane = lanes.get(input.laneId);
      if (lane === undefined || lane.source !== null) throw new CommandError('invalid_input', `reportDecodedCode: ${input.laneId} is not a webcam or keyboard lane`);
      const known = lane.reports.get(input.reportId);
      if (known !== undefined) return known;
      const { text, capturedAt, decodedAt, position, frameSize } = input;
      const { duplicate, processed } = accept(lane, { text, frame: null, capturedAt, decodedAt, position, frameSize }, input.reportId);
      const answer = processed.then(() => ({ duplicate }));
      lane.reports.set(input.reportId, answer);
      if (lane.reports.size > rememberedReports) lane.reports.delete(lane.reports.keys().next().value!);
      return answer;
    },

    /** A webcam lane's health from the app window; false for a lane the window does not drive. */
    reportHealth(report: LaneHealthReport, now = Date.now()): { accepted: boolean } {
      const lane = lanes.get(report.laneId);
      if (lane === undefined || !isWebcam(lane)) return { accepted: false };
      const before = windowLaneRun(lane, now);
      lane.windowHealth = { report, at: now };
      const after = windowLaneRun(lane, now);
      if (before.state !== after.state || before.lastError !== after.lastError) {
        if (after.state === 'restarting') log.warn({ laneId: lane.config.id, lastError: after.lastError }, 'webcam lane not delivering');
        options.onChange();
      }
      // Stale reports must turn the lane to stopped without an event: checked once a second.
      refresh ??= setInterval(options.onChange, 1000).unref();
      return { accepted: true };
    },

    onScan(listener: (scan: LaneScan) => void): () => void {
      scanListeners.add(listener);
      return () => scanListeners.delete(listener);
    },

    /** A new dedupe window from now on (the settings screen); what each lane remembered is forgotten. */
    setDedupeWindowMs(windowMs: number): void {
      for (const lane of lanes.values()) lane.dedupe = createDedupeWindow(windowMs);
    },
    status(): LaneStatus[] {
      const now = Date.now();
      return [...lanes.values()].map((lane) => {
        const { config, source, runner, lastCodeAt, scanError } = lane;
        const run = runner?.status() ?? (source === null ? windowLaneRun(lane, now) : { state: 'stopped' as const, phase: null, fpsIn: 0, fpsDecoded: 0, drops: 0, lastError: null, restarts: 0 });
        return { id: config.id, name: config.name, source: withoutUrlCredentials(config.source), ...run, lastError: run.lastError ?? scanError, lastCodeAt };
      });
    },

    /** Resolves once every started lane ended (files) and its last passage is recorded. */
    async whenEnded(): Promise<void> {
      const started = [...lanes.values()].filter((lane) => lane.runner !== null);
      await Promise.all(started.map((lane) => lane.runner!.finished));
      await Promise.all(started.map((lane) => lane.scans));
    },

    /** Stops the sources and decoders, then lets scans already under way finish recording. */
    async close(): Promise<void> {
      clearInterval(refresh);
      await Promise.all([...lanes.values()].map((lane) => lane.runner?.stop()));
      await Promise.all([...lanes.values()].map((lane) => lane.scans));
    },
  };
}

export type LaneManager = ReturnType<typeof createLaneManager>;
