import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, type WebContents } from 'electron';
import NapiDriver from 'better-sqlite3-mc-napi';
import { buildContentSecurityPolicy } from '../../shared/security/content-security-policy';
import { loadConfig } from '../core/config/load-config';
import { loadEnrolment } from '../core/central/enrolment';
import { startWorkerDecoder } from '../core/decoding/worker-decoder';
import { loadDatabaseKey } from '../core/db/database-key';
import type { DatabaseDriver } from '../core/db/open-database';
import { createLogger, openLogFile } from '../core/logging/logger';
import { createStation, type Station } from '../core/station';
import { registerAppSchemePrivileges, serveAppProtocol } from './app-protocol';
import { registerIpcHost } from './ipc-host';
import { createSafeStorageSealer } from './safe-storage-sealer';
import {
  appEntryUrl,
  isNavigationAllowed,
  isPermissionCheckAllowed,
  isPermissionRequestAllowed,
} from './security-policy';
import { createWindowOptions } from './window-options';

const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('./preload.cjs', import.meta.url));
const decoderWorkerUrl = new URL('./decoder-worker.mjs', import.meta.url);

// One station per data folder: a second launch focuses the running window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppSchemePrivileges();
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start).catch((error: unknown) => {
    // A station that cannot keep records must not pretend to run.
    dialog.showErrorBox('Trạm kiểm soát', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

let mainWindow: BrowserWindow | null = null;
app.on('second-instance', () => {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

async function start(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(1), options: { data: { type: 'string' }, config: { type: 'string' }, api: { type: 'string' } }, strict: false });
  const loaded = await loadConfig({ configFile: asString(values.config), dataDir: asString(values.data) });
  const { dataDir } = loaded;
  const apiOverride = asString(values.api);
  const config = apiOverride === undefined ? loaded.config : { ...loaded.config, api: { ...loaded.config.api, url: apiOverride } };
  const sealer = await createSafeStorageSealer(safeStorage, process.platform);
  const databaseKey = await loadDatabaseKey({ dataDir, environmentKey: process.env.STATION_DB_KEY, sealer });
  const logFile = await openLogFile(dataDir);
  const logger = createLogger(logFile);
  // The Node build of better-sqlite3 cannot load in Electron's Node; the N-API build can.
  const enrolment = config.api.url === null ? null : await loadEnrolment(dataDir, config.api.url);
  const station: Station = createStation({
    config,
    dataDir,
    host: 'electron',
    logger,
    databaseKey,
    enrolment,
    databaseDriver: NapiDriver as unknown as DatabaseDriver,
    // Camera lanes decode in a worker thread; under Electron it is the bundled worker, not the .ts source.
    lanes: { startDecoder: (engine) => startWorkerDecoder({ engine, workerUrl: decoderWorkerUrl }) },
  });
  station.lanes.start();

  const apiOrigin = config.api.url === null ? [] : [new URL(config.api.url).origin];
  serveAppProtocol(rendererDir, buildContentSecurityPolicy({ connectSources: apiOrigin }));
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionRequestAllowed(permission, details.requestingUrl, 'mediaTypes' in details ? details.mediaTypes : undefined)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionCheckAllowed(permission, requestingOrigin, details.mediaType),
  );

  mainWindow = new BrowserWindow(createWindowOptions(preloadPath));
  const unregister = registerIpcHost(ipcMain, station.router, station.events, mainWindow);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    unregister();
    void station.close().finally(() => logFile.end());
    mainWindow = null;
  });
  await mainWindow.loadURL(appEntryUrl);
}

/** Applied to every web contents: no navigation away, no new windows, no webviews, no redirects. */
function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
