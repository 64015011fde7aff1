import type { App } from 'electron';
import type { Logger } from '../core/logging/logger';

/** Where the shutdown reports itself; the station's logger once it runs, nothing before. */
export type ShutdownLog = Pick<Logger, 'info' | 'error'>;

/** The events the shutdown listens to, as narrow as Electron's overloads allow (fakes satisfy them too). */
export interface QuittingApp extends Pick<App, 'exit'> {
  on(event: 'before-quit', listener: (event: Pick<Electron.Event, 'preventDefault'>) => void): unknown;
}
export interface ShutdownSignals {
  on(event: 'shutdown', listener: () => void): unknown;
}

export interface ShutdownHooks {
  app: QuittingApp;
  powerMonitor: ShutdownSignals;
  /** The process, for SIGTERM and SIGINT (a service manager or a terminal stopping the app). */
  processEvents: Pick<NodeJS.EventEmitter, 'on'>;
  /** Stops lanes, finishes the open transaction, flushes sync state, closes the database cleanly. */
  closeCore(): Promise<void>;
  /** Past this, quit anyway: a hung close must not keep a laptop from shutting down. */
  timeoutMs: number;
  log: ShutdownLog;
}

export interface GracefulShutdown {
  /** Closes the core once (later calls get the same promise) and exits with `exitCode`. */
  shutDown(reason: string, exitCode: number): Promise<void>;
}

/**
 * Every way the app ends goes through one close of the core: quitting from the window, SIGTERM,
 * and the OS ending the session or powering off. Electron's `before-quit` is held off until the
 * core has closed, then the app exits.
 */
export function installGracefulShutdown(hooks: ShutdownHooks): GracefulShutdown {
  const { log } = hooks;
  let closing: Promise<void> | null = null;

  function shutDown(reason: string, exitCode: number): Promise<void> {
    closing ??= (async () => {
      log.info({ reason }, 'shutting down');
      const outcome = await closeWithin(hooks.closeCore(), hooks.timeoutMs);
      if (outcome !== 'closed') log.error({ outcome }, 'core did not close cleanly');
      hooks.app.exit(exitCode);
    })();
    return closing;
  }

  hooks.app.on('before-quit', (event) => {
    event.preventDefault();
    void shutDown('quit', 0);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) hooks.processEvents.on(signal, () => void shutDown(signal, 0));
  // Linux and macOS; Windows announces the end of a session on the window (`session-end`), see shell.ts.
  hooks.powerMonitor.on('shutdown', () => void shutDown('system shutdown', 0));
  return { shutDown };
}

/** 'closed', 'timed out', or the error the close failed with. */
async function closeWithin(closing: Promise<void>, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), timeoutMs);
  });
  try {
    return await Promise.race([closing.then(() => 'closed' as const), timeout]);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}
