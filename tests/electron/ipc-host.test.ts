import { describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../shared/contract/event-bus';
import { ipcChannels } from '../../shared/contract/preload-api';
import { createCommandRouter } from '../../shared/contract/router';
import { registerIpcHost, type EventTarget, type InvokeEvent, type IpcHandlerRegistry } from '../../electron/main/ipc-host';
import { appEntryUrl } from '../../electron/main/security-policy';
import { allowEveryone, sampleStatus, stubHandlers } from '../helpers/fixtures';

const status = sampleStatus({ host: 'electron' });

type Handler = (event: InvokeEvent, ...args: unknown[]) => unknown;

function fakeElectron() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcHandlerRegistry = {
    handle: (channel, listener) => void handlers.set(channel, listener as Handler),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const sent: unknown[][] = [];
  let destroyed = false;
  const window: EventTarget = { isDestroyed: () => destroyed, webContents: { send: (...args: unknown[]) => void sent.push(args) } };
  const frame = (url: string, topLevel: boolean) => ({ senderFrame: { url, parent: topLevel ? null : {} } }) as unknown as InvokeEvent;
  return { handlers, ipcMain, window, sent, frame, destroy: () => (destroyed = true) };
}

describe('IPC host', () => {
  it('dispatches calls from our own top-level frame to the router', async () => {
    const fake = fakeElectron();
    registerIpcHost(fake.ipcMain, createCommandRouter(stubHandlers({ getStatus: () => status }), allowEveryone()), createEventBus(vi.fn()), fake.window);
    const invoke = fake.handlers.get(ipcChannels.invoke)!;
    expect(await invoke(fake.frame(appEntryUrl, true), 'getStatus', undefined)).toEqual({ ok: true, value: status });
  });

  it('refuses calls from a sub-frame or a foreign page before the router sees them', async () => {
    const fake = fakeElectron();
    const handler = vi.fn(() => status);
    registerIpcHost(fake.ipcMain, createCommandRouter(stubHandlers({ getStatus: handler }), allowEveryone()), createEventBus(vi.fn()), fake.window);
    const invoke = fake.handlers.get(ipcChannels.invoke)!;
    expect(await invoke(fake.frame(appEntryUrl, false), 'getStatus', undefined)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await invoke(fake.frame('https://evil.example/', true), 'getStatus', undefined)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('forwards core events to the window until unregistered, and never to a destroyed one', () => {
    const fake = fakeElectron();
    const bus = createEventBus(vi.fn());
    const unregister = registerIpcHost(fake.ipcMain, createCommandRouter(stubHandlers({ getStatus: () => status }), allowEveryone()), bus, fake.window);
    bus.emit('status', status);
    expect(fake.sent).toEqual([[ipcChannels.event, 'status', status]]);
    fake.destroy();
    bus.emit('status', status);
    expect(fake.sent).toHaveLength(1);
    unregister();
    expect(fake.handlers.has(ipcChannels.invoke)).toBe(false);
  });
});
