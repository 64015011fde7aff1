import { app, BrowserWindow, dialog, ipcMain, powerMonitor, safeStorage, session } from 'electron';
import NapiDriver from 'better-sqlite3-mc-napi';
import { buildContentSecurityPolicy } from '../../shared/security/content-security-policy';
import { bootStation } from '../core/boot';
import { parseHostArguments } from '../core/host-options';
import { defaultConfigFile } from '../core/config/data-dir';
import { startWorkerDecoder } from '../core/decoding/worker-decoder';
import type { KeySealer } from '../core/db/database-key';
import type { DatabaseDriver } from '../core/db/open-database';
import type { Logger } from '../core/logging/logger';
import { resolveFfmpegPath } from '../core/media/ffmpeg-location';
import type { StationPlatform } from '../core/platform';
import type { Station } from '../core/station';
import { registerAppSchemePrivileges, serveAppProtocol } from './app-protocol';
import { applyAutoStart } from './auto-start';
import { lockDownContents, installPermissionHandlers } from './contents-guard';
import { recordCrash } from './crash-history';
import { installGracefulShutdown, type GracefulShutdown, type ShutdownLog } from './graceful-shutdown';
import { registerIpcHost } from './ipc-host';
import { superviseRenderer } from './renderer-supervisor';
import { decideRestart, defaultRestartPolicy } from './restart-policy';
import { createSafeStorageSealer } from './safe-storage-sealer';
import { appEntryUrl } from './security-policy';
import { createWindowOptions } from './window-options';

export interface ShellOptions {
  /** The built renderer, preload and decoder worker, next to the main bundle. */
  rendererDir: string;
  preloadPath: string;
  decoderWorkerUrl: URL;
  /** The command line after the executable: `--data`, `--config`, `--api`. */
  argv: readonly string[];
  /** Signals and fatal errors arrive here (the real `process` in the app). */
  processEvents: Pick<NodeJS.EventEmitter, 'on'>;
  /** Packaged apps have the bundled ffmpeg in here; null when run from a checkout. */
  resourcesDir: string | null;
  /** The XDG autostart folder, for the auto-start option on Linux. */
  linuxAutostartDir: string;
}

/** A closing core gets this long before the app exits anyway (lanes stop, sync flushes, database closes). */
const coreCloseTimeoutMs = 15_000;
const errorTitle = 'Trạm kiểm soát';

interface RunningStation {
  station: Station;
  window: BrowserWindow;
  logger: Logger;
  dataDir: string;
  close(): Promise<void>;
}

/** Electron's platform: the N-API database build, the OS keychain, the bundled decoder worker and ffmpeg. */
function electronPlatform(options: ShellOptions, sealer: KeySealer): StationPlatform {
  return {
    host: 'electron',
    // The Node build of better-sqlite3 cannot load in Electron's Node, and the package does not carry it.
    databaseDriver: NapiDriver as unknown as DatabaseDriver,
    keySealer: sealer,
    // The database key lives in the keychain, never in the environment of a desktop session.
    environmentKey: undefined,
    // Camera lanes decode in a worker thread; under Electron it is the bundled worker, not the .ts source.
    startDecoder: (engine, decodeOptions) => startWorkerDecoder({ ...decodeOptions, engine, workerUrl: options.decoderWorkerUrl }),
    ffmpegPath: resolveFfmpegPath({ resourcesDir: options.resourcesDir, platform: process.platform }),
    defaultConfigFile,
    developer: !app.isPackaged,
  };
}

/**
 * The desktop shell around the station core: one instance, locked-down web contents, the core
 * started once Electron is ready, one hardened window, and every way out through one clean close.
 */
export function launchShell(options: ShellOptions): void {
  // One station per data folder: a second launch focuses the running window instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppSchemePrivileges();
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('window-all-closed', () => app.quit());

  let running: RunningStation | null = null;
  app.on('second-instance', () => {
    if (running === null || running.window.isDestroyed()) return;
    if (running.window.isMinimized()) running.window.restore();
    running.window.focus();
  });

  const starting = app.whenReady().then(() => startStation(options));
  const closeCore = async () => {
    const started = await starting.catch(() => null);
    if (started === null) return;
    await started.close();
  };
  const shutdown = installGracefulShutdown({
    app,
    powerMonitor,
    processEvents: options.processEvents,
    closeCore,
    timeoutMs: coreCloseTimeoutMs,
    log: {
      info: (fields: object, message: string) => running?.logger.info({ scope: 'shutdown', ...fields }, message),
      error: (fields: object, message: string) => running?.logger.error({ scope: 'shutdown', ...fields }, message),
    } as ShutdownLog,
  });
  let recovering = false;
  const onFatal = (error: unknown) => {
    // A second fault while recovering from the first changes nothing: one close, one relaunch.
    if (recovering) return;
    recovering = true;
    void recoverFromFatal(error, running, shutdown);
  };
  options.processEvents.on('uncaughtException', onFatal);
  options.processEvents.on('unhandledRejection', onFatal);

  starting.then(
    (started) => {
      running = started;
    },
    (error: unknown) => {
      // A station that cannot keep records must not pretend to run.
      dialog.showErrorBox(errorTitle, error instanceof Error ? error.message : String(error));
      app.exit(1);
    },
  );
}

async function startStation(options: ShellOptions): Promise<RunningStation> {
  const sealer = await createSafeStorageSealer(safeStorage, process.platform);
  const booted = await bootStation(electronPlatform(options, sealer), parseHostArguments(options.argv));
  const { station, config, logger, dataDir } = booted;
  await applyAutoStart(config.desktop.autoStart, {
    app,
    platform: process.platform,
    executable: process.env.APPIMAGE ?? process.execPath,
    linuxAutostartDir: options.linuxAutostartDir,
  });
  station.lanes.start();

  const apiOrigin = config.api.url === null ? [] : [new URL(config.api.url).origin];
  serveAppProtocol(options.rendererDir, buildContentSecurityPolicy({ connectSources: apiOrigin }));
  installPermissionHandlers(session.defaultSession);

  const window = new BrowserWindow(createWindowOptions(options.preloadPath, { kiosk: config.desktop.kiosk, devTools: !app.isPackaged }));
  const unregister = registerIpcHost(ipcMain, station.router, station.events, window);
  window.once('ready-to-show', () => window.show());
  window.on('closed', unregister);
  // Windows ends a session (log off, forced restart) on the window, and does not wait long.
  window.on('session-end', () => app.quit());
  superviseRenderer(window, {
    policy: defaultRestartPolicy,
    logger,
    now: Date.now,
    onGiveUp: (reason) => dialog.showErrorBox(errorTitle, `Màn hình liên tục bị lỗi (${reason}). Hãy khởi động lại ứng dụng.`),
  });
  await window.loadURL(appEntryUrl);
  return { station, window, logger, dataDir, close: booted.close };
}

/**
 * A fault nobody caught leaves the main process in an unknown state: close the core as cleanly as
 * it still can, then relaunch with backoff — unless it keeps crashing, which needs a person.
 */
async function recoverFromFatal(error: unknown, running: RunningStation | null, shutdown: GracefulShutdown): Promise<void> {
  if (running === null) {
    dialog.showErrorBox(errorTitle, error instanceof Error ? error.message : String(error));
    await shutdown.shutDown('fatal error before start', 1);
    return;
  }
  running.logger.fatal({ err: error }, 'uncaught error in the main process');
  const now = Date.now();
  const decision = decideRestart(await recordCrash(running.dataDir, now, defaultRestartPolicy), now, defaultRestartPolicy);
  if (!decision.restart) {
    dialog.showErrorBox(errorTitle, `Ứng dụng liên tục bị lỗi (${decision.reason}); đã dừng. Hãy mở lại ứng dụng: chỉ huy xuất gói hỗ trợ ở màn hình Trạng thái và gửi cho bộ phận kỹ thuật.`);
  } else {
    await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    app.relaunch();
  }
  await shutdown.shutDown('fatal error', 1);
}
