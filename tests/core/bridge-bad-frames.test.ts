import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectBridge, type BridgeClient } from '../helpers/bridge-client';
import { startStationServe } from '../helpers/station-cli';

/**
 * A real `station serve` fed what no WebSocket library would send, over plain TCP. Each bad input
 * must end that one connection (with its close code or HTTP status) and nothing else: the station
 * process lives on, a client connected before keeps its answers and events, and the log says what
 * happened without a byte of what was sent.
 */

// Kept for the whole file: one station serves every case.
const dir = mkdtempSync(join(tmpdir(), 'station-bad-frames-'));
const dataDir = join(dir, 'data');
/** In every bad input: the log must never contain it. */
const marker = 'SECRET-PAYLOAD-7f3a';
let station: Awaited<ReturnType<typeof startStationServe>>;
let token: string;
/** The officer's page, as far as the bridge can tell: a well-behaved client that must not notice the others. */
let good: BridgeClient;

beforeAll(async () => {
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ lanes: [{ id: 'kb', name: 'Máy quét', source: 'keyboard:' }] }));
  station = await startStationServe(['--config', config, '--data', dataDir]);
  token = new URL(station.url).hash.replace('#token=', '');
  good = await connectBridge(station);
});
afterAll(async () => {
  good?.close();
  await station?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function upgradeRequest({ path = `/bridge?token=${token}`, key = randomBytes(16).toString('base64') }: { path?: string; key?: string | null } = {}): string {
  const lines = [`GET ${path} HTTP/1.1`, `Host: ${new URL(station.origin).host}`, 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Version: 13', `Origin: ${station.origin}`];
  if (key !== null) lines.push(`Sec-WebSocket-Key: ${key}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** A client frame by hand: masked unless told otherwise, the length as declared (a frame may claim more than it carries). */
function frame(opcode: number, payload: Buffer | string, { masked = true, rsv1 = false, declaredLength }: { masked?: boolean; rsv1?: boolean; declaredLength?: number } = {}): Buffer {
  const body = Buffer.from(payload);
  const length = declaredLength ?? body.length;
  const head = [0x80 | (rsv1 ? 0x40 : 0) | opcode];
  const maskBit = masked ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65_536) head.push(maskBit | 126, length >> 8, length & 0xff);
  else head.push(maskBit | 127, ...Buffer.from(new BigUint64Array([BigInt(length)]).buffer).reverse());
  if (!masked) return Buffer.concat([Buffer.from(head), body]);
  const mask = randomBytes(4);
  return Buffer.concat([Buffer.from(head), mask, body.map((byte, index) => byte ^ mask[index % 4]!)]);
}

/**
 * One raw connection: sends `request`, reads the HTTP answer, then the server's frames. Answers a
 * close frame with one of its own, as a client must, and resolves `ended` once TCP is closed.
 */
function openRaw(request: string): Promise<{ socket: Socket; status: number; ended: Promise<{ closeCode: number | null }> }> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(Number(new URL(station.origin).port), '127.0.0.1');
    // The server may drop the connection while we still write: that is what is under test, not a failure.
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    let status: number | null = null;
    let closeCode: number | null = null;
    const ended = new Promise<{ closeCode: number | null }>((resolveEnded) => socket.once('close', () => resolveEnded({ closeCode })));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (status === null) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        status = Number(/^HTTP\/1\.1 (\d{3})/.exec(buffer.subarray(0, end).toString('latin1'))?.[1]);
        buffer = buffer.subarray(end + 4);
        resolve({ socket, status, ended });
      }
      // Server frames are unmasked; only the close frame matters here.
      while (buffer.length >= 2) {
        const short = buffer[1]! & 0x7f;
        const offset = short === 126 ? 4 : short === 127 ? 10 : 2;
        const length = short === 126 ? buffer.readUInt16BE(2) : short === 127 ? Number(buffer.readBigUInt64BE(2)) : short;
        if (buffer.length < offset + length) return;
        if ((buffer[0]! & 0x0f) === 0x8) {
          closeCode = length >= 2 ? buffer.readUInt16BE(offset) : null;
          socket.end(frame(0x8, buffer.subarray(offset, offset + 2)));
        }
        buffer = buffer.subarray(offset + length);
      }
    });
    socket.once('close', () => status === null && reject(new Error('closed before any HTTP answer')));
    socket.write(request);
  });
}

/** What the station wrote to its log file so far. */
function logText(): string {
  const logs = join(dataDir, 'logs');
  return readdirSync(logs)
    .map((name) => readFileSync(join(logs, name), 'utf8'))
    .join('');
}

function bridgeLines(message: string): Record<string, unknown>[] {
  return logText()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.scope === 'bridge' && line.msg === message);
}

/** The station is alive, and the client connected before still gets answers and events. */
async function expectStationServing(): Promise<void> {
  expect(station.child.exitCode).toBeNull();
  expect(station.child.signalCode).toBeNull();
  expect(good.socket.readyState).toBe(WebSocket.OPEN);
  expect(await good.invoke('getStatus')).toMatchObject({ ok: true, value: { host: 'browser' } });
  const event = good.nextEvent('laneCode');
  const now = Date.now();
  const report = { reportId: randomUUID(), laneId: 'kb', text: `not-a-card-${now}`, capturedAt: now, decodedAt: now, position: null, frameSize: null };
  expect(await good.invoke('reportDecodedCode', report)).toEqual({ ok: true, value: { duplicate: false } });
  expect(await event).toMatchObject({ payload: { laneId: 'kb', duplicate: false } });
}

const validRequest = JSON.stringify({ type: 'invoke', id: 1, command: 'classifyCode', input: { payload: marker, locale: 'vi' } });

describe('bridge under bad frames (a real station serve, raw TCP clients)', () => {
  it.each([
    // Closed by ws itself, with the code RFC 6455 gives for each.
    { what: 'a masked text frame with invalid UTF-8', bytes: frame(0x1, Buffer.concat([Buffer.from(`{"x":"${marker}`), Buffer.from([0xc3, 0x28, 0xff])])), closeCode: 1007, log: 'bad bridge frame' },
    { what: 'a frame with RSV1 set (no extension was agreed)', bytes: frame(0x1, validRequest, { rsv1: true }), closeCode: 1002, log: 'bad bridge frame' },
    { what: 'a frame declaring more than the 1 MiB limit', bytes: frame(0x1, marker, { declaredLength: 1024 * 1024 + 1 }), closeCode: 1009, log: 'bad bridge frame' },
    { what: 'an unmasked client frame', bytes: frame(0x1, validRequest, { masked: false }), closeCode: 1002, log: 'bad bridge frame' },
    // Valid frames that are not requests of ours: closed by the bridge.
    { what: 'a text that is not JSON', bytes: frame(0x1, `{not json ${marker}`), closeCode: 1008, log: 'malformed bridge message' },
    { what: 'JSON of the wrong shape', bytes: frame(0x1, JSON.stringify({ type: 'invoke', id: 'one', command: marker })), closeCode: 1008, log: 'malformed bridge message' },
    { what: 'a binary frame, even one carrying a valid request', bytes: frame(0x2, validRequest), closeCode: 1003, log: 'malformed bridge message' },
  ])('$what: that socket is closed with $closeCode, nothing else is', async ({ bytes, closeCode, log }) => {
    const logged = bridgeLines(log).length;
    const raw = await openRaw(upgradeRequest());
    expect(raw.status).toBe(101);
    raw.socket.write(bytes);
    expect(await raw.ended).toEqual({ closeCode });
    await expectStationServing();
    await expect.poll(() => bridgeLines(log).length).toBe(logged + 1);
    expect(logText()).not.toContain(marker);
  });

  it.each([
    // Made once the station is up: the upgrades carry its token and origin.
    { what: 'a malformed HTTP request', request: () => `GET /?${marker} HTTP/1.1\r\nHost: x\r\nno colon ${marker}\r\n\r\n`, status: 400, log: 'malformed HTTP request' },
    { what: 'an upgrade whose target is not a URL', request: () => upgradeRequest({ path: `//[${marker}` }), status: 404, log: 'bridge connection refused' },
    { what: 'an upgrade without a Sec-WebSocket-Key', request: () => upgradeRequest({ key: null }), status: 400, log: 'bridge handshake refused' },
  ])('$what is answered $status and the connection dropped; nothing else is', async ({ request, status, log }) => {
    const logged = bridgeLines(log).length;
    const raw = await openRaw(request());
    expect(raw.status).toBe(status);
    await raw.ended;
    await expectStationServing();
    await expect.poll(() => bridgeLines(log).length).toBe(logged + 1);
    expect(logText()).not.toContain(marker);
  });

  it('refused upgrades reset by the peer while they are answered leave the station serving', async () => {
    const logged = bridgeLines('bridge connection refused').length;
    const failed = bridgeLines('bridge connection failed').length;
    // The reset races the 403: some land before it is written, and the write fails on the raw socket.
    for (let attempt = 0; attempt < 30; attempt++) {
      await new Promise<void>((resolve) => {
        const socket = connectTcp(Number(new URL(station.origin).port), '127.0.0.1', () => {
          socket.write(upgradeRequest({ path: '/bridge?token=wrong' }));
          socket.resetAndDestroy();
          resolve();
        });
        socket.on('error', () => undefined);
      });
    }
    await expectStationServing();
    await expect.poll(() => bridgeLines('bridge connection refused').length).toBe(logged + 30);
    expect(bridgeLines('bridge connection failed').length).toBeGreaterThan(failed);
  });
});
