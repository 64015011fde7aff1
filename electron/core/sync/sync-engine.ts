import { ApiError } from '../central/api-errors';
import type { ApiClient, Cached } from '../central/api-client';
import type { ReferenceCache } from '../central/reference-cache';
import type { TrustListCache } from '../dcc/trust-list-cache';
import type { Logger } from '../logging/logger';
import { isDatabaseError } from '../db/database-errors';
import type { PassageAlerts } from '../store/passage-alerts';
import { backoffDelayMs } from './backoff';
import type { Outbox } from './outbox';

/** A station clock this far from the server's is flagged to the officer. */
export const clockWarningThresholdMs = 5 * 60_000;

export interface SyncStatus {
  state: 'not-enrolled' | 'idle' | 'syncing' | 'waiting' | 'unauthorized';
  pending: number;
  deadLetters: number;
  retroAlerts: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  clockOffsetMs: number | null;
  clockWarning: boolean;
}

export interface PassResult {
  uploaded: number;
  duplicates: number;
  rejected: number;
  retroAlerts: string[];
  remaining: number;
  error: string | null;
}

export interface SyncEngineOptions {
  outbox: Outbox;
  /** Open alerts about passages the server judged worse, counted in the status. */
  alerts: Pick<PassageAlerts, 'openCount'>;
  /** null until the station is enrolled. */
  api: ApiClient | null;
  reference: ReferenceCache;
  /** The vaccine-passport signers, refreshed with the other reference data. */
  trustList: Pick<TrustListCache, 'etag' | 'store' | 'confirm'>;
  logger: Logger;
  onChange(): void;
  onRetroAlert(passageIds: string[]): void;
  /** A database error while settling: the store, not the network, is failing. */
  onStorageError(error: unknown): void;
  batchSize?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Wait between passes when all is sent. */
  idleMs?: number;
  random?: () => number;
}

export interface SyncEngine {
  runPass(): Promise<PassResult>;
  /** How long to wait after the last failed pass (backoff, Retry-After honoured). */
  nextDelayMs(): number;
  start(): void;
  /**
   * Something new to send (a passage recorded or amended): sync now, unless the last pass failed
   * and the backoff is running — a failing server is not asked again at the lane's pace.
   */
  trigger(): void;
  /** The network came back: sync now, whatever the backoff says. */
  retryNow(): void;
  stop(): Promise<void>;
  serverOffsetMs(): number | null;
  status(): SyncStatus;
}

/**
 * Delivers the outbox to the central API exactly once: batches in sequence order, settled per
 * passage in one transaction, retried with full-jitter backoff on any transient failure. Safe to
 * kill at any moment: what was not settled is sent again and the server answers `duplicate`.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const log = options.logger.child({ scope: 'sync' });
  // The API takes at most 500 a batch; fewer round trips matter more than smaller retries.
  const batchSize = options.batchSize ?? 500;
  const random = options.random ?? Math.random;
  let state: SyncStatus['state'] = options.api === null ? 'not-enrolled' : 'idle';
  let attempt = 0;
  let lastSuccessAt: string | null = null;
  let lastError: string | null = null;
  let nextAttemptAt: Date | null = null;
  let offsetMs: number | null = null;
  /** The server's Retry-After from the last failure: a floor for the next wait. */
  let retryAfterMs: number | null = null;
  let running: Promise<PassResult> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;

  async function pass(api: ApiClient): Promise<PassResult> {
    const result: PassResult = { uploaded: 0, duplicates: 0, rejected: 0, retroAlerts: [], remaining: 0, error: null };
    state = 'syncing';
    options.onChange();
    try {
      offsetMs = (await api.serverTime()).offsetMs;
      await refreshReference(api);
      for (;;) {
        const batch = options.outbox.takeDue(new Date(), batchSize);
        if (batch.length === 0) break;
        let answers;
        try {
          answers = await api.uploadPassages(batch);
        } catch (error) {
          options.outbox.noteFailure(batch.map((passage) => passage.id), error instanceof Error ? error.message : String(error));
          throw error;
        }
        const settled = options.outbox.settle(answers, new Map(batch.map((passage) => [passage.id, passage.revision])), new Date());
        // Backoff counts consecutive failures: a batch that went through is progress.
        attempt = 0;
        retryAfterMs = null;
        result.uploaded += settled.accepted;
        result.duplicates += settled.duplicates;
        result.rejected += settled.rejected;
        result.retroAlerts.push(...settled.retroAlerts);
        if (settled.retroAlerts.length > 0) options.onRetroAlert(settled.retroAlerts);
        options.onChange();
        // A server that answered none of the batch would otherwise be asked the same forever.
        if (settled.accepted + settled.duplicates + settled.rejected + settled.superseded === 0) throw new ApiError({ kind: 'invalid-response', detail: 'no answer for any passage' });
      }
      attempt = 0;
      retryAfterMs = null;
      lastError = null;
      lastSuccessAt = new Date().toISOString();
      state = 'idle';
    } catch (error) {
      result.error = error instanceof Error ? error.message : String(error);
      lastError = result.error;
      state = error instanceof ApiError && error.failure.kind === 'unauthorized' ? 'unauthorized' : 'waiting';
      retryAfterMs = error instanceof ApiError && error.failure.kind === 'rate-limited' ? error.failure.retryAfterMs : null;
      attempt += 1;
      log.warn({ error: result.error, attempt }, 'sync pass failed');
      if (isDatabaseError(error)) options.onStorageError(error);
    }
    result.remaining = options.outbox.pendingCount();
    return result;
  }

  async function refreshReference(api: ApiClient): Promise<void> {
    const now = new Date();
    await refreshDocument(options.reference.rules, (etag) => api.getRules(etag), now);
    options.reference.applyDenyList(await api.getDenyList(options.reference.denyListVersion()), now);
    await refreshVaccinePassportData('business rules', () => refreshDocument(options.reference.dccRules, (etag) => api.getDccRules(etag), now));
    await refreshVaccinePassportData('trust list', () => refreshDocument(options.trustList, (etag) => api.getDccTrustList(etag), now));
  }

  /**
   * Vaccine-passport data that cannot be had or is refused (a bad certificate, a wrong key id, a
   * server without the endpoint) keeps what the station has, which ages into "stale" on screen; it
   * never holds back the passages' upload.
   */
  async function refreshVaccinePassportData(what: string, refresh: () => Promise<void>): Promise<void> {
    try {
      await refresh();
    } catch (error) {
      if (error instanceof ApiError && error.failure.kind === 'unauthorized') throw error;
      log.warn({ error: error instanceof Error ? error.message : String(error) }, `vaccine-passport ${what} not updated`);
    }
  }

  function runPass(): Promise<PassResult> {
    if (options.api === null) return Promise.resolve({ uploaded: 0, duplicates: 0, rejected: 0, retroAlerts: [], remaining: options.outbox.pendingCount(), error: 'not enrolled' });
    running ??= pass(options.api).finally(() => {
      running = null;
      options.onChange();
    });
    return running;
  }

  function nextDelayMs(): number {
    return backoffDelayMs(attempt, { baseMs: options.baseDelayMs ?? 1000, capMs: options.maxDelayMs ?? 120_000, retryAfterMs, random });
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    if (timer !== null) clearTimeout(timer);
    nextAttemptAt = new Date(Date.now() + delayMs);
    timer = setTimeout(() => void loop(), delayMs);
    timer.unref();
  }

  async function loop(): Promise<void> {
    timer = null;
    const result = await runPass();
    schedule(result.error === null ? (options.idleMs ?? 15_000) : nextDelayMs());
  }

  return {
    runPass,
    nextDelayMs,
    start() {
      stopped = false;
      schedule(0);
    },
    trigger() {
      if (!stopped && running === null && state !== 'waiting' && state !== 'unauthorized') schedule(0);
    },
    retryNow() {
      if (!stopped && running === null) schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
    serverOffsetMs: () => offsetMs,
    status() {
      return {
        state,
        pending: options.outbox.pendingCount(),
        deadLetters: options.outbox.deadLetterCount(),
        retroAlerts: options.alerts.openCount(),
        lastSuccessAt,
        lastError,
        nextAttemptAt: state === 'waiting' && nextAttemptAt !== null ? nextAttemptAt.toISOString() : null,
        clockOffsetMs: offsetMs,
        clockWarning: offsetMs !== null && Math.abs(offsetMs) > clockWarningThresholdMs,
      };
    },
  };
}

interface RefreshableDocument<T> {
  etag(): string | null;
  store(value: T, etag: string | null, at: Date): void | Promise<void>;
  confirm(at: Date): void | Promise<void>;
}

/** Asks with the ETag held; keeps what came, or notes that what is held was confirmed. */
async function refreshDocument<T>(document: RefreshableDocument<T>, fetch: (etag: string | null) => Promise<Cached<T>>, now: Date): Promise<void> {
  const answer = await fetch(document.etag());
  if (answer.changed) await document.store(answer.value, answer.etag, now);
  else await document.confirm(now);
}
