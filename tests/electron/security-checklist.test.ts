import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../shared/contract/command-names';
import { ipcChannels, preloadGlobalName } from '../../shared/contract/preload-api';

/**
 * Electron's security checklist: the preload, driven through a fake Electron, and the one item no
 * test can drive. The rest is proven on the running shell in shell.test.ts (the sender check on
 * every IPC channel, the hardened window, the app page as the only page loaded, navigation and new
 * windows refused) and in window-options.test.ts.
 */

const root = new URL('../../', import.meta.url).pathname;
const shellDirs = ['electron/main', 'electron/preload'];

function sourcesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => ({ path: `${dir}/${name}`, text: readFileSync(join(root, dir, name), 'utf8') }));
}

const shellSources = shellDirs.flatMap(sourcesUnder);

async function loadPreload() {
  vi.resetModules();
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, (event: IpcRendererEvent, ...args: unknown[]) => void>();
  const invoke = vi.fn(async (..._args: unknown[]) => 'result');
  const contextBridge: Pick<ContextBridge, 'exposeInMainWorld'> = { exposeInMainWorld: (key, api) => void exposed.set(key, api) };
  const ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'> = {
    invoke,
    on(channel, listener) {
      listeners.set(channel, listener);
      return ipcRenderer as IpcRenderer;
    },
    removeListener(channel) {
      listeners.delete(channel);
      return ipcRenderer as IpcRenderer;
    },
  };
  vi.doMock('electron', () => ({ contextBridge, ipcRenderer }));
  await import('../../electron/preload/preload');
  return { api: exposed.get(preloadGlobalName) as Record<string, unknown>, exposedKeys: [...exposed.keys()], invoke, listeners, ipcRenderer };
}

describe('Electron security checklist', () => {
  it('preload exposes one global holding only the named contract methods and subscribe', async () => {
    const { api, exposedKeys, ipcRenderer } = await loadPreload();
    expect(exposedKeys).toEqual([preloadGlobalName]);
    expect(Object.keys(api).sort()).toEqual([...commandNames, 'subscribe'].sort());
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer);
    }
  });

  it('preload methods send the command name over the one invoke channel, never a caller-chosen channel', async () => {
    const { api, invoke } = await loadPreload();
    const command = commandNames[0]!;
    await (api[command] as (input: unknown) => Promise<unknown>)({ any: 'input' });
    expect(invoke).toHaveBeenCalledWith(ipcChannels.invoke, command, { any: 'input' });
  });

  it('preload subscribers get the event name and payload, never the IPC event object', async () => {
    const { api, listeners } = await loadPreload();
    const received: unknown[][] = [];
    const unsubscribe = (api.subscribe as (listener: (...args: unknown[]) => void) => () => void)((...args) => received.push(args));
    const ipcEvent = { sender: 'the ipcRenderer itself' } as unknown as IpcRendererEvent;
    listeners.get(ipcChannels.event)!(ipcEvent, 'status', { ok: 1 });
    expect(received).toEqual([['status', { ok: 1 }]]);
    unsubscribe();
    expect(listeners.has(ipcChannels.event)).toBe(false);
  });

  it('the shell never opens external links (no shell.openExternal of anything)', () => {
    // A grep, because "never" spans code paths no test can all drive; links a page follows are refused in shell.test.ts.
    const sources = [...shellSources, ...sourcesUnder('renderer/src')];
    expect(sources.filter(({ text }) => /openExternal|shell\.openPath/.test(text)).map(({ path }) => path)).toEqual([]);
  });
});
