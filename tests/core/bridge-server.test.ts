import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createEventBus } from '../../shared/contract/event-bus';
import { createCommandRouter, type CommandRouter } from '../../shared/contract/router';
import { startBridgeServer, type BridgeServer } from '../../electron/core/bridge/bridge-server';
import * as staticFiles from '../../electron/core/bridge/static-files';
import { createMemoryLogger } from '../helpers/memory-logger';
import { useTempDirs } from '../helpers/temp-dir';
import { allowEveryone, sampleStatus, stubHandlers } from '../helpers/fixtures';

// The real file reader, through a spy: one test makes a read fail as a disk would.
vi.mock('../../electron/core/bridge/static-files', async (importOriginal) => {
  const actual = await importOriginal<typeof staticFiles>();
  return { ...actual, readStaticFile: vi.fn(actual.readStaticFile) };
});

const tempDir = useTempDirs();
const status = sampleStatus({ host: 'browser' });

let bridge: BridgeServer | null = null;
afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

async function startBridge(wrapRouter: (router: CommandRouter) => CommandRouter = (router) => router) {
  const staticDir = tempDir();
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>station</title>');
  const events = createEventBus(vi.fn());
  const router = wrapRouter(createCommandRouter(stubHandlers({ getStatus: () => status }), allowEveryone()));
  const logs = createMemoryLogger();
  bridge = await startBridgeServer({ router, events, staticDir, logger: logs.logger });
  const token = new URL(bridge.url).hash.replace('#token=', '');
  return { bridge, events, token, logs };
}

const bridgeLogLines = (logs: ReturnType<typeof createMemoryLogger>, msg: string) => logs.lines().filter((line) => line.scope === 'bridge' && line.msg === msg);

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { origin });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
}

describe('browser-mode bridge', () => {
  it('listens on loopback only and prints a URL carrying its token in the fragment', async () => {
    const { bridge: server, token } = await startBridge();
    const url = new URL(server.url);
    expect(server.address()).toEqual({ address: '127.0.0.1', family: 'IPv4', port: Number(url.port) });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
    expect(token.length).toBe(32);
  });

  it('serves the app with the strict CSP', async () => {
    const { bridge: server } = await startBridge();
    const response = await fetch(server.origin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://127.0.0.1:`);
    expect(await response.text()).toContain('<title>station</title>');
    expect((await fetch(`${server.origin}/assets/nope.js`)).status).toBe(404);
    expect((await fetch(server.origin, { method: 'POST' })).status).toBe(405);
  });

  it('carries commands and pushes events to a client holding the token', async () => {
    const { bridge: server, events, token } = await startBridge();
    const socket = await connect(`ws://127.0.0.1:${new URL(server.origin).port}/bridge?token=${token}`, server.origin);
    socket.send(JSON.stringify({ type: 'invoke', id: 7, command: 'getStatus' }));
    expect(await nextMessage(socket)).toEqual({ type: 'result', id: 7, result: { ok: true, value: status } });

    const pushed = nextMessage(socket);
    events.emit('status', { ...status, checkpoint: { ...status.checkpoint, name: 'Chốt 2' } });
    expect(await pushed).toMatchObject({ type: 'event', event: 'status', payload: { checkpoint: { name: 'Chốt 2' } } });

    socket.send(JSON.stringify({ type: 'invoke', id: 8, command: 'format-disk' }));
    expect(await nextMessage(socket)).toMatchObject({ id: 8, result: { ok: false, error: { code: 'unknown_command' } } });
    socket.close();
  });

  it('refuses a wrong token, a foreign origin and other paths', async () => {
    const { bridge: server, token } = await startBridge();
    const base = `ws://127.0.0.1:${new URL(server.origin).port}`;
    await expect(connect(`${base}/bridge?token=wrong`, server.origin)).rejects.toThrow();
    await expect(connect(`${base}/bridge`, server.origin)).rejects.toThrow();
    await expect(connect(`${base}/bridge?token=${token}`, 'http://evil.example')).rejects.toThrow();
    await expect(connect(`${base}/other?token=${token}`, server.origin)).rejects.toThrow();
  });

  it('a command whose dispatch throws is answered as an internal error; the socket and the bridge go on', async () => {
    // The router never throws by contract: this one breaks it, as a bug would.
    const { bridge: server, token, logs } = await startBridge((router) => ({
      dispatch: (name, input) => (name === 'getSettings' ? Promise.reject(new Error('handler bug')) : router.dispatch(name, input)),
    }));
    const socket = await connect(`ws://127.0.0.1:${new URL(server.origin).port}/bridge?token=${token}`, server.origin);
    socket.send(JSON.stringify({ type: 'invoke', id: 1, command: 'getSettings' }));
    expect(await nextMessage(socket)).toEqual({ type: 'result', id: 1, result: { ok: false, error: { code: 'internal', message: 'getSettings: internal error' } } });
    socket.send(JSON.stringify({ type: 'invoke', id: 2, command: 'getStatus' }));
    expect(await nextMessage(socket)).toEqual({ type: 'result', id: 2, result: { ok: true, value: status } });
    expect(bridgeLogLines(logs, 'bridge command failed')).toMatchObject([{ level: 50, command: 'getSettings' }]);
    socket.close();
  });

  it('a static file that cannot be read is answered 500; the next request is served', async () => {
    const { bridge: server, logs } = await startBridge();
    vi.mocked(staticFiles.readStaticFile).mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
    expect((await fetch(server.origin)).status).toBe(500);
    expect((await fetch(server.origin)).status).toBe(200);
    expect(bridgeLogLines(logs, 'bridge static file failed')).toMatchObject([{ level: 50 }]);
  });

  it('closes a connection that sends a malformed message', async () => {
    const { bridge: server, token } = await startBridge();
    const socket = await connect(`ws://127.0.0.1:${new URL(server.origin).port}/bridge?token=${token}`, server.origin);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('{not json');
    expect(await closed).toBe(1008);
  });
});
