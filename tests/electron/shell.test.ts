import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../shared/contract/command-names';
import { ipcChannels } from '../../shared/contract/preload-api';
import { appEntryUrl } from '../../electron/main/security-policy';
import { createWindowOptions } from '../../electron/main/window-options';
import { linuxAutostartFileName } from '../../electron/main/auto-start';
import { crashHistoryFileName } from '../../electron/main/crash-history';
import { useTempDirs } from '../helpers/temp-dir';
import { createFakeElectron, FakeBrowserWindow, FakeWebContents, type FakeElectron } from './fake-electron';

// The N-API driver needs N-API 10 (Electron's Node), not this Node: the Node build stands in.
vi.mock('better-sqlite3-mc-napi', async () => await import('better-sqlite3-multiple-ciphers'));

const tempDir = useTempDirs();

interface Launched {
  electron: FakeElectron;
  processEvents: EventEmitter;
  dataDir: string;
  autostartDir: string;
  window: FakeBrowserWindow;
  /** Every window this launch opened. */
  windows: FakeBrowserWindow[];
}

async function launch(desktop = { autoStart: false, kiosk: false }, extraArgs: string[] = [], packaged = false): Promise<Launched> {
  // The whole shell under plain Node: a fresh set of typed Electron fakes per launch, the real core behind it.
  vi.resetModules();
  const electron = createFakeElectron({ packaged });
  vi.doMock('electron', () => electron);
  const { launchShell } = await import('../../electron/main/shell');
  const dataDir = tempDir();
  const autostartDir = join(tempDir(), 'autostart');
  const configFile = join(dataDir, 'config.json');
  writeFileSync(configFile, JSON.stringify({ desktop }));
  const processEvents = new EventEmitter();
  const windowsBefore = FakeBrowserWindow.created.length;
  launchShell({
    rendererDir: tempDir(),
    preloadPath: '/app/preload.cjs',
    decoderWorkerUrl: new URL('file:///app/decoder-worker.mjs'),
    argv: ['.', '--data', dataDir, '--config', configFile, ...extraArgs],
    processEvents,
    resourcesDir: null,
    linuxAutostartDir: autostartDir,
  });
  const window = await vi.waitFor(() => {
    const created = FakeBrowserWindow.created[windowsBefore];
    if (created === undefined || created.loadedUrls.length === 0) throw new Error(`window not loaded yet ${electron.dialog.errors.join('; ')}`);
    return created;
  });
  return { electron, processEvents, dataDir, autostartDir, window, windows: FakeBrowserWindow.created.slice(windowsBefore) };
}

const frameEvent = (url: string, topLevel: boolean) => ({ senderFrame: { url, parent: topLevel ? null : {} } }) as unknown as IpcMainInvokeEvent;

describe('Electron shell wiring', () => {
  let launched: Launched | null = null;
  beforeEach(() => {
    launched = null;
  });
  afterEach(async () => {
    // Every test ends the way the app does, so no database stays open.
    if (launched !== null && launched.electron.app.exitCodes.length === 0) {
      launched.processEvents.emit('SIGTERM');
      await launched.electron.app.exited;
    }
  });

  it('opens one hardened window on the app page, shown when ready', async () => {
    launched = await launch();
    const { window } = launched;
    expect(launched.windows).toEqual([window]);
    // Exactly the hardened options (window-options.test.ts), nothing overridden; devTools as not packaged.
    expect(window.options).toEqual(createWindowOptions('/app/preload.cjs', { kiosk: false, devTools: true }));
    // The only page it ever loads: no remote content, no file page.
    expect(window.loadedUrls).toEqual([appEntryUrl]);
    expect(window.shown).toBe(true);
  });

  it('answers IPC only from our own top-level frame, on every channel it handles and for every command', async () => {
    launched = await launch(undefined, ['--demo-officer']);
    // The fake ipcMain has handle() only: a listener added any other way fails the launch.
    const { handlers } = launched.electron.ipcMain;
    expect([...handlers.keys()]).toContain(ipcChannels.invoke);
    const invoke = handlers.get(ipcChannels.invoke)!;
    expect(await invoke(frameEvent(appEntryUrl, true), 'classifyCode', { payload: 'hello', locale: 'vi' })).toMatchObject({ ok: true });
    const untrusted = { 'a foreign page': frameEvent('https://evil.example/', true), 'our page in a sub-frame': frameEvent(appEntryUrl, false), 'a frame gone': { senderFrame: null } as unknown as IpcMainInvokeEvent };
    for (const [channel, handler] of handlers) {
      for (const [sender, event] of Object.entries(untrusted)) {
        for (const command of commandNames) {
          expect(await handler(event, command, undefined), `${command} on ${channel} from ${sender}`).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
        }
      }
    }
    // None reached the core: signOut among them would have ended the demo shift.
    expect(await invoke(frameEvent(appEntryUrl, true), 'getStatus', undefined)).toMatchObject({ ok: true, value: { officer: { officerId: 'demo' } } });
  });

  it('locks down every web contents: no navigation away, no new windows, no webviews', async () => {
    launched = await launch();
    const contents = new FakeWebContents();
    launched.electron.app.emit('web-contents-created', {}, contents);
    const prevented = (event: string, url?: string) => {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-navigate', appEntryUrl)).toBe(false);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' } as never)).toEqual({ action: 'deny' });
  });

  it('installs permission handlers granting only the camera to our page', async () => {
    launched = await launch();
    const { requestHandler, checkHandler } = launched.electron.session.defaultSession;
    const answer = (permission: string, requestingUrl: string, mediaTypes?: string[]) => {
      const callback = vi.fn();
      requestHandler!({} as never, permission as never, callback, { requestingUrl, mediaTypes } as never);
      return callback.mock.calls[0]?.[0] as boolean;
    };
    expect(answer('media', appEntryUrl, ['video'])).toBe(true);
    expect(answer('media', appEntryUrl, ['audio'])).toBe(false);
    expect(answer('media', 'https://evil.example/', ['video'])).toBe(false);
    expect(answer('geolocation', appEntryUrl)).toBe(false);
    expect(checkHandler!(null, 'media', 'app://station', { mediaType: 'video' } as never)).toBe(true);
    expect(checkHandler!(null, 'serial', 'app://station', {} as never)).toBe(false);
  });

  it('the embedded demo (--demo-officer) starts the demo shift; settings are saved to the config file', async () => {
    launched = await launch(undefined, ['--demo-officer']);
    const invoke = launched.electron.ipcMain.handlers.get(ipcChannels.invoke)!;
    const status = (await invoke(frameEvent(appEntryUrl, true), 'getStatus', undefined)) as { ok: true; value: { officer: { officerId: string } | null } };
    expect(status.value.officer?.officerId).toBe('demo');
    const view = (await invoke(frameEvent(appEntryUrl, true), 'getSettings', undefined)) as { ok: true; value: { settings: object; configPath: string } };
    expect(view.value.configPath).toBe(join(launched.dataDir, 'config.json'));
    expect(await invoke(frameEvent(appEntryUrl, true), 'saveSettings', { ...view.value.settings, retentionDays: 40 })).toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(view.value.configPath, 'utf8'))).toMatchObject({ retention: { days: 40 }, desktop: { kiosk: false } });
  });

  it('an installed app ignores the developer flags: no officer without a PIN, no other central API', async () => {
    launched = await launch(undefined, ['--demo-officer', '--api', 'https://somewhere-else.example/'], true);
    const invoke = launched.electron.ipcMain.handlers.get(ipcChannels.invoke)!;
    const status = (await invoke(frameEvent(appEntryUrl, true), 'getStatus', undefined)) as { ok: true; value: { officer: unknown; connectivity: { apiUrl: string | null } } };
    expect(status.value.officer).toBeNull();
    expect(status.value.connectivity.apiUrl).toBeNull();
    expect(launched.window.options).toEqual(createWindowOptions('/app/preload.cjs', { kiosk: false, devTools: false }));
  });

  it('applies the desktop options: kiosk window and start at login', async () => {
    launched = await launch({ autoStart: true, kiosk: true });
    expect(launched.window.options).toMatchObject({ kiosk: true, fullscreen: true });
    // This suite runs on Linux, where login items are XDG autostart entries.
    expect(readFileSync(join(launched.autostartDir, linuxAutostartFileName), 'utf8')).toContain('Exec=');
  });

  for (const [way, end] of [
    ['SIGTERM', (l: Launched) => l.processEvents.emit('SIGTERM')],
    ['quitting', (l: Launched) => l.electron.app.quit()],
    ['the OS shutting down', (l: Launched) => l.electron.powerMonitor.emit('shutdown')],
    ['the Windows session ending', (l: Launched) => l.window.emit('session-end')],
  ] as const) {
    it(`closes the core cleanly before exiting on ${way}`, async () => {
      launched = await launch();
      end(launched);
      expect(await launched.electron.app.exited).toBe(0);
      // closeDatabase() leaves this mark only after the WAL is checkpointed and the file closed.
      expect(existsSync(join(launched.dataDir, 'station.db.clean-shutdown'))).toBe(true);
    });
  }

  it('relaunches after an uncaught error in the main process, closing the core first', async () => {
    launched = await launch();
    launched.processEvents.emit('uncaughtException', new Error('boom'));
    expect(await launched.electron.app.exited).toBe(1);
    expect(launched.electron.app.relaunches).toBe(1);
    expect(existsSync(join(launched.dataDir, 'station.db.clean-shutdown'))).toBe(true);
    expect(JSON.parse(readFileSync(join(launched.dataDir, crashHistoryFileName), 'utf8'))).toHaveLength(1);
  });

  it('reloads the page when its renderer process dies', async () => {
    launched = await launch();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      launched.window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
      vi.advanceTimersByTime(1000);
      expect(launched.window.webContents.reloads).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
