import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WsWebSocket from 'ws';
import { startBridgeServer, type BridgeServer } from '../../electron/core/bridge/bridge-server';
import { createEventBus } from '../../shared/contract/event-bus';
import { createCommandRouter } from '../../shared/contract/router';
import { createWebSocketTransport, type LinkState } from '../../renderer/src/transport/websocket-transport';
import { allowEveryone, sampleStatus, stubHandlers } from '../helpers/fixtures';
import { createMemoryLogger } from '../helpers/memory-logger';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const status = sampleStatus({ host: 'browser' });
let bridge: BridgeServer;
let proxy: TcpProxy;

beforeAll(async () => {
  const staticDir = tempDir();
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  // getSettings never answers: a call that is in flight when the link drops.
  const router = createCommandRouter(stubHandlers({ getStatus: () => status, getSettings: () => new Promise(() => undefined) }), allowEveryone());
  bridge = await startBridgeServer({ router, events: createEventBus(vi.fn()), staticDir, logger: createMemoryLogger().logger });
  proxy = await startTcpProxy(Number(new URL(bridge.origin).port));
  // The page, as the transport sees it: served through the proxy, its WebSocket carrying the page's Origin as a browser's does.
  vi.stubGlobal('location', { protocol: 'http:', host: `127.0.0.1:${proxy.port}` });
  vi.stubGlobal(
    'WebSocket',
    class extends WsWebSocket {
      constructor(url: string) {
        super(url, { origin: bridge.origin });
        // A browser's WebSocket reports a failed connection as an event (then 'close'), never as a throw.
        this.on('error', () => undefined);
      }
    },
  );
});
afterAll(async () => {
  await proxy?.close();
  await bridge?.close();
});

/** Fails instead of waiting for the test's timeout: a call that hangs is the bug. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
}

describe('browser-mode WebSocket transport', () => {
  it('while the bridge is unreachable, calls fail (in flight or new) instead of waiting for ever; once it is back they are carried again', async () => {
    const states: LinkState[] = [];
    const transport = createWebSocketTransport(new URL(bridge.url).hash.replace('#token=', ''), (state) => states.push(state));
    expect(await within(2000, transport.invoke('getStatus', undefined))).toEqual({ ok: true, value: status });
    expect(proxy.carried()).toBe(1);

    const inFlight = transport.invoke('getSettings', undefined);
    proxy.cut();
    await expect(within(2000, inFlight)).rejects.toThrow('bridge closed');
    expect(states.at(-1)).toBe('closed');
    // Before the transport tries again (250 ms on): the socket is closed and no new one is opening yet.
    await expect(within(100, transport.invoke('getStatus', undefined))).rejects.toThrow('bridge closed');
    // While it tries again and the proxy refuses.
    await vi.waitFor(() => expect(states.filter((state) => state === 'connecting').length).toBeGreaterThan(2), { timeout: 5000 });
    await expect(within(5000, transport.invoke('getStatus', undefined))).rejects.toThrow('bridge closed');

    proxy.restore();
    await vi.waitFor(() => expect(states.at(-1)).toBe('open'), { timeout: 10_000 });
    expect(await within(2000, transport.invoke('getStatus', undefined))).toEqual({ ok: true, value: status });
  });
});
