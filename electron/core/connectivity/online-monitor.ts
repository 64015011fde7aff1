import type { Connectivity } from '../../../shared/contract/status';

/** The central API's liveness endpoint, relative to its base URL. */
export const healthPath = 'v1/health';

export interface OnlineMonitorOptions {
  apiUrl: string | null;
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

  async function probe(apiUrl: string): Promise<Pick<Connectivity, 'state' | 'lastError'>> {
    try {
      const response = await fetch(new URL(healthPath, apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`), {
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.body?.cancel();
      return response.ok ? { state: 'online', lastError: null } : { state: 'offline', lastError: `HTTP ${response.status}` };
    } catch (error) {
      return { state: 'offline', lastError: describeNetworkError(error) };
    }
  }

  async function check(): Promise<Connectivity> {
    if (options.apiUrl === null) return connectivity;
    const outcome = await probe(options.apiUrl);
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

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timeout';
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return cause?.code ?? error.message;
  }
  return String(error);
}
