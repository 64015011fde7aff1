import type { Connectivity } from '../../../shared/contract/status';
import { ApiError } from '../central/api-errors';

export interface OnlineMonitorOptions {
  /** Shown in the status; null = no central API configured (the monitor never probes). */
  apiUrl: string | null;
  /**
   * Asks the central API whether it is alive, through the station's one API client: the same
   * transport policy and pinned CA as verification and sync, so a closed network's CA is trusted here too.
   */
  probe(timeoutMs: number): Promise<void>;
  intervalMs: number;
  timeoutMs: number;
  onChange(connectivity: Connectivity): void;
}

export interface OnlineMonitor {
  current(): Connectivity;
  /** Probes once now and reports a change through onChange. */
  check(): Promise<Connectivity>;
  start(): void;
  stop(): void;
}

/**
 * Tells online from offline by probing the central API, so the officer never has to flip a
 * switch: a field post loses and regains the network without anyone noticing.
 */
export function createOnlineMonitor(options: OnlineMonitorOptions): OnlineMonitor {
  let connectivity: Connectivity = {
    state: options.apiUrl === null ? 'unconfigured' : 'offline',
    apiUrl: options.apiUrl,
    checkedAt: null,
    lastError: null,
  };
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function probe(): Promise<Pick<Connectivity, 'state' | 'lastError'>> {
    try {
      await options.probe(options.timeoutMs);
      return { state: 'online', lastError: null };
    } catch (error) {
      return { state: 'offline', lastError: describeProbeFailure(error) };
    }
  }

  async function check(): Promise<Connectivity> {
    if (options.apiUrl === null) return connectivity;
    const outcome = await probe();
    if (stopped) return connectivity; // the station closed while the probe was out
    const changed = outcome.state !== connectivity.state || outcome.lastError !== connectivity.lastError;
    connectivity = { ...connectivity, ...outcome, checkedAt: new Date().toISOString() };
    if (changed) options.onChange(connectivity);
    return connectivity;
  }

  return {
    current: () => connectivity,
    check,
    start() {
      if (options.apiUrl === null || timer !== null) return;
      void check();
      timer = setInterval(() => void check(), options.intervalMs);
      timer.unref();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
}

/** Short and technical, for the status screen: `ECONNREFUSED`, `timeout`, `HTTP 503`, a TLS error code. */
function describeProbeFailure(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const { failure } = error;
  switch (failure.kind) {
    case 'network':
      return failure.detail;
    case 'server':
    case 'rejected':
      return `HTTP ${failure.status}`;
    default:
      return error.message;
  }
}
