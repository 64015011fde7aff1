// Fault soak (issue 13): a station in browser mode recording a keyboard lane's codes through its
// bridge while, all at once, the central API flaps and restarts, the disk fills and frees, the
// bridge is sent garbage frames and the station process is SIGKILLed and restarted. At the end,
// every passage the station acknowledged (a `scan` event with a passage id) must be on the server
// exactly once, and any acknowledged passage missing must have been alerted. Not in `npm test`.
// FAULT_SOAK_SECONDS (default 90; `--quick` 30).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { createEnrolmentStore, enrolStation } from '../electron/core/central/enrolment';
import { stationBin } from '../tests/helpers/station-cli';

const quick = process.argv.includes('--quick');
const seconds = Number(process.env.FAULT_SOAK_SECONDS ?? (quick ? 30 : 90));
const secret = 'soak-enrol-secret';
const root = mkdtempSync(join(tmpdir(), 'fault-soak-'));
/** Whatever this bench started dies with it, whatever way it ends. */
const children = new Set<ChildProcess>();
let mountedAt: string | null = null;
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  if (mountedAt !== null) spawnSync('umount', ['-l', mountedAt]);
});
process.on('unhandledRejection', (error) => {
  process.stderr.write(`fault soak failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
const counters = { shown: 0, acknowledged: 0, notRecorded: 0, reportsRetried: 0, kills: 0, apiRestarts: 0, apiFaultFlips: 0, garbageFrames: 0, diskFills: 0 };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A small tmpfs for the station's data folder, so the disk can really fill; a plain folder when mounting is not allowed. */
function stationFolder(): { dir: string; tmpfs: boolean } {
  const dir = join(root, 'station');
  mkdirSync(dir);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', dir]).status === 0;
  if (mounted) mountedAt = dir;
  return { dir, tmpfs: mounted };
}

async function startApi(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'central-api/main.ts', '--data', join(root, 'api'), '--port', String(port), '--enrol-secret', secret, '--test-admin', '--seed', '1000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  await new Promise<void>((resolve) => createInterface({ input: child.stdout! }).on('line', (line) => line.startsWith('Central API ready') && resolve()));
  return child;
}

const stopped = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

async function startStation(dataDir: string, configFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [stationBin, 'serve', '--data', dataDir, '--config', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  child.once('exit', () => children.delete(child));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Station ready: (\S+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`station serve exited (${code}): ${stderr.trim()}`)));
  });
  return { child, url };
}

/** A card payload whose name is unique to `n`, so a `scan` event says which shown code it is. */
function cardFor(n: number): { payload: string; name: string } {
  const letters = 'ABCDEGHKLMNPQRSTUVXY';
  const tag = Array.from({ length: 4 }, (_, index) => letters[Math.floor(n / letters.length ** index) % letters.length]).join('');
  const name = `Nguyễn Văn ${tag[0]}${tag.slice(1).toLowerCase()}`;
  const idNumber = `0010${String(80 + (n % 10)).padStart(2, '0')}${String(n).padStart(6, '0')}`;
  return { payload: `${idNumber}||${name}|01011980|Nam|Phường Bến Nghé, TP Hồ Chí Minh|01112025`, name };
}

/** Raw frames `ws` must refuse: invalid UTF-8, RSV bits, an over-long length, an unmasked frame. */
const badFrames = [
  Buffer.from([0x81, 0x82, 1, 2, 3, 4, 0xc3 ^ 1, 0x28 ^ 2]),
  Buffer.from([0xc1, 0x80, 0, 0, 0, 0]),
  Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]),
  Buffer.from([0x81, 0x02, 0x68, 0x69]),
];

function sendGarbage(url: string): void {
  const { host, port } = new URL(url);
  const token = new URL(url).hash.replace('#token=', '');
  const socket = connectTcp(Number(port), '127.0.0.1', () => {
    socket.write(
      `GET /bridge?token=${token} HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${new URL(url).origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${Buffer.from(randomUUID().slice(0, 16)).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    setTimeout(() => socket.write(badFrames[counters.garbageFrames++ % badFrames.length]!), 50);
    setTimeout(() => socket.destroy(), 300);
  });
  socket.on('error', () => undefined);
}

const apiPort = await freePort();
const apiUrl = `http://127.0.0.1:${apiPort}`;
let api = await startApi(apiPort);
const { dir: dataDir, tmpfs } = stationFolder();
const configFile = join(root, 'config.json');
writeFileSync(configFile, JSON.stringify({ checkpoint: { id: 'CP-SOAK', name: 'Chốt thử tải', direction: 'both' }, lanes: [{ id: 'lane-1', name: 'Làn 1', source: 'keyboard:' }], api: { url: apiUrl } }));
await enrolStation({ apiUrl, secret, stationId: 'SOAK-1', checkpoint: { id: 'CP-SOAK', name: 'Soak' }, pinnedCaPem: null, store: createEnrolmentStore(dataDir) });

const acknowledged = new Map<string, string>(); // name → passage id
const shownNames: string[] = [];
/** Shown to the officer as NOT RECORDED (a keyboard scan is not retried: the officer sees it and scans again). */
const notRecorded = new Set<string>();
const pendingReports = new Map<string, { reportId: string; text: string; capturedAt: number; name: string }>();
let next = 0;
const deadline = Date.now() + seconds * 1000;
let station = await startStation(dataDir, configFile);

/** One bridge connection as the page keeps it: codes reported (and retried until answered), scan events collected. */
async function runConnection(url: string): Promise<void> {
  const { origin } = new URL(url);
  const token = new URL(url).hash.replace('#token=', '');
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/bridge?token=${token}`, { origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let id = 0;
  const answers = new Map<number, string>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; id?: number; event?: string; payload?: { person?: { fullName?: string }; passageId?: string | null }; result?: { ok: boolean } };
    if (message.type === 'result' && message.id !== undefined && message.result?.ok) {
      const name = answers.get(message.id);
      if (name !== undefined) pendingReports.delete(name);
    }
    if (message.type === 'event' && message.event === 'scan') {
      const name = message.payload?.person?.fullName;
      if (name === undefined) return;
      if (message.payload?.passageId) acknowledged.set(name, message.payload.passageId);
      else notRecorded.add(name);
    }
  });
  const send = (report: { reportId: string; text: string; capturedAt: number; name: string }) => {
    id += 1;
    answers.set(id, report.name);
    socket.send(JSON.stringify({ type: 'invoke', id, command: 'reportDecodedCode', input: { reportId: report.reportId, laneId: 'lane-1', text: report.text, capturedAt: report.capturedAt, decodedAt: report.capturedAt, position: null, frameSize: null } }));
  };
  for (const report of pendingReports.values()) {
    counters.reportsRetried += 1;
    send(report);
  }
  const timer = setInterval(() => {
    if (socket.readyState !== socket.OPEN) return;
    const { payload, name } = cardFor(next++);
    const report = { reportId: randomUUID(), text: payload, capturedAt: Date.now(), name };
    counters.shown += 1;
    shownNames.push(name);
    pendingReports.set(name, report);
    send(report);
  }, 25);
  await new Promise<void>((resolve) => socket.once('close', () => resolve()));
  clearInterval(timer);
}

const faults = setInterval(() => {
  counters.apiFaultFlips += 1;
  const plan = counters.apiFaultFlips % 2 === 1 ? { faults: [{ kind: 'error-500', probability: 0.4 }, { kind: 'reset', probability: 0.2 }] } : { faults: [] };
  void fetch(`${apiUrl}/admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) }).catch(() => undefined);
}, 3000);
const garbage = setInterval(() => sendGarbage(station.url), 700);

while (Date.now() < deadline) {
  const connection = runConnection(station.url).catch(() => undefined);
  const lifetime = 6000 + Math.random() * 4000;
  const phase = counters.kills;
  if (phase % 3 === 1) {
    await stopped(api, 'SIGKILL');
    counters.apiRestarts += 1;
    setTimeout(() => void startApi(apiPort).then((child) => (api = child)), 2000);
  }
  if (tmpfs && phase % 3 === 2) {
    // Everything the tmpfs has left, taken by another file, for five seconds.
    spawnSync('dd', ['if=/dev/zero', `of=${join(dataDir, 'filler')}`, 'bs=1M', 'count=64'], { stdio: 'ignore' });
    counters.diskFills += 1;
    setTimeout(() => rmSync(join(dataDir, 'filler'), { force: true }), 5000);
  }
  await new Promise((resolve) => setTimeout(resolve, lifetime));
  await stopped(station.child, 'SIGKILL');
  counters.kills += 1;
  await connection;
  station = await startStation(dataDir, configFile);
}
clearInterval(faults);
clearInterval(garbage);
rmSync(join(dataDir, 'filler'), { force: true });
await fetch(`${apiUrl}/admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults: [] }) }).catch(() => undefined);

// The last reports still unanswered get their chance, then the queue drains.
const last = runConnection(station.url);
const status = async () => {
  const { origin } = new URL(station.url);
  const token = new URL(station.url).hash.replace('#token=', '');
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/bridge?token=${token}`, { origin });
  await new Promise((resolve) => socket.once('open', resolve));
  const answer = await new Promise<{ sync: { pending: number }; storage: { alerts: { code: string; expectedSequence?: number; foundSequence?: number }[] } }>((resolve) => {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; result?: { value: never } };
      if (message.type === 'result') resolve(message.result!.value);
    });
    socket.send(JSON.stringify({ type: 'invoke', id: 1, command: 'getStatus' }));
  });
  socket.close();
  return answer;
};
let final = await status();
for (let wait = 0; wait < 120 && (final.sync.pending > 0 || pendingReports.size > 0); wait += 1) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  final = await status();
}
await stopped(station.child, 'SIGTERM');
await last.catch(() => undefined);

const stored = (await (await fetch(`${apiUrl}/admin/passages`)).json()) as { id: string; stationId: string }[];
const onServer = new Map<string, number>();
for (const row of stored) onServer.set(row.id, (onServer.get(row.id) ?? 0) + 1);
const ackIds = [...acknowledged.values()];
const missing = ackIds.filter((passageId) => !onServer.has(passageId));
const twice = [...onServer.values()].filter((count) => count > 1).length;
const vanished = shownNames.filter((name) => !acknowledged.has(name) && !pendingReports.has(name) && !notRecorded.has(name));
counters.notRecorded = notRecorded.size;
const lostAlerts = final.storage.alerts.filter((alert) => alert.code === 'acknowledged-passages-lost');
counters.acknowledged = acknowledged.size;
await stopped(api, 'SIGTERM');
if (tmpfs) spawnSync('umount', [dataDir]);
mountedAt = null;
rmSync(root, { recursive: true, force: true });

const rows: [string, string][] = [
  ['run', `${seconds} s, one keyboard lane reporting a new code every 25 ms through the bridge`],
  ['station SIGKILLed and restarted', String(counters.kills)],
  ['central API killed and restarted / fault plan flipped', `${counters.apiRestarts} / ${counters.apiFaultFlips}`],
  ['disk filled and freed', tmpfs ? String(counters.diskFills) : 'not measured (no tmpfs: mount refused)'],
  ['garbage frames sent to the bridge', String(counters.garbageFrames)],
  ['codes shown / reports retried after a reconnect', `${counters.shown} / ${counters.reportsRetried}`],
  ['acknowledged passages (scan event with a passage id)', String(counters.acknowledged)],
  ['shown NOT RECORDED (disk full)', String(counters.notRecorded)],
  ['acknowledged passages on the server exactly once', `${ackIds.length - missing.length} of ${ackIds.length}`],
  ['stored twice on the server', String(twice)],
  ['acknowledged but missing / alerted as lost', `${missing.length} / ${lostAlerts.length}`],
  ['reports never answered (shown while the station was down at the very end)', String(pendingReports.size)],
  ['shown, answered, and neither a passage nor NOT RECORDED on screen', String(vanished.length)],
];
process.stdout.write(`| measure | result |\n| --- | --- |\n${rows.map(([name, value]) => `| ${name} | ${value} |`).join('\n')}\n`);
const ok = twice === 0 && vanished.length === 0 && (missing.length === 0 || lostAlerts.length > 0) && final.sync.pending === 0;
process.exit(ok ? 0 : 1);
