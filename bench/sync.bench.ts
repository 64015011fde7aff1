// Verification and sync benchmark (issue 6), against the reference central API in its own
// process on 127.0.0.1: sync throughput of a large queue (with memory), online verify latency, and
// decoded-code-to-verdict time online and offline. SYNC_BENCH_PASSAGES (default 100,000).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { stationConfigSchema } from '../shared/config/station-config';
import { createApiClient } from '../electron/core/central/api-client';
import type { DatabaseKey } from '../electron/core/db/database-key';
import { closeDatabase, openDatabase } from '../electron/core/db/open-database';
import { createStation, type Station } from '../electron/core/station';
import { createPassageStore } from '../electron/core/store/passage-store';
import { samplePassageDraft } from '../tests/helpers/fixtures';
import { nodeDatabaseDriver } from '../electron/core/node-platform';

const queued = Number(process.env.SYNC_BENCH_PASSAGES ?? 100_000);
const folder = mkdtempSync(join(tmpdir(), 'sync-bench-'));
const key = 'd4'.repeat(32) as DatabaseKey;
const secret = 'bench-enrol-secret';
const silent = pino({ level: 'silent' });
const rows: [string, string, string][] = [];
const percentile = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

const server = spawn(process.execPath, ['--import', 'tsx', 'central-api/main.ts', '--data', join(folder, 'api'), '--port', '0', '--enrol-secret', secret, '--seed', '1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve) => {
  createInterface({ input: server.stdout! }).on('line', (line) => {
    const match = /^Central API ready: (\S+)$/.exec(line);
    if (match?.[1]) resolve(match[1]);
  });
});

const { token } = await createApiClient({ baseUrl: url, token: null }).enrol({ stationId: 'BENCH-1', secret, checkpointId: 'CP-01' });
function station(apiUrl: string, dataDir: string): Station {
  const config = stationConfigSchema.parse({ api: { url: apiUrl } });
  return createStation({ databaseDriver: nodeDatabaseDriver, config, dataDir, host: 'headless', logger: silent, databaseKey: key, enrolment: { apiUrl, stationId: 'BENCH-1', token }, sync: { idleMs: 3_600_000 } });
}

// 1. Drain a queue of `queued` passages.
{
  const dataDir = join(folder, 'station');
  // Fill the outbox as the pipeline would, in one set-up transaction.
  const opened = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key });
  const store = createPassageStore(opened.db, { checkpointId: 'CP-01', direction: 'entry', keepRawPayload: false, clock: { now: () => new Date(), serverOffsetMs: () => null } });
  opened.db.transaction(() => {
    for (let i = 0; i < queued; i += 1) store.record(samplePassageDraft());
  })();
  closeDatabase(opened);

  const syncing = station(url, dataDir);
  await syncing.sync.stop();
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = performance.now();
  let pass;
  do pass = await syncing.sync.runPass();
  while (pass.remaining > 0 && pass.error === null);
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  rows.push([`drain ${queued.toLocaleString('en')} queued passages`, `${seconds.toFixed(1)} s (${Math.round(queued / seconds)} /s)`, '≤ 60 s']);
  rows.push(['memory while draining', `RSS ${(rssBefore / 1e6).toFixed(0)} → peak ${(peak / 1e6).toFixed(0)} MB`, 'flat']);
  await syncing.close();
}

// 2. Online verify latency, and 3. decoded code → verdict, online and offline.
{
  const online = station(url, join(folder, 'online'));
  const offline = station('http://127.0.0.1:9', join(folder, 'offline'));
  const api = createApiClient({ baseUrl: url, token });
  const card = '001158024485|110419092|Đinh Thị Huyền|08101958|Nữ|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24042021';
  const context = { checkpointId: 'CP-01', laneId: 'lane-1', direction: 'entry' as const, scannedAt: new Date().toISOString() };
  const verify: number[] = [];
  for (let i = 0; i < 500; i += 1) {
    const start = performance.now();
    await api.verify({ kind: 'chip-card', idNumber: '001158024485', fullName: 'Đinh Thị Huyền', birthDate: '1958-10-08', sex: 'female' }, context);
    verify.push(performance.now() - start);
  }
  rows.push(['online verify round trip (loopback)', `p50 ${ms(percentile(verify, 50))}, p95 ${ms(percentile(verify, 95))}`, '']);
  for (const [name, target] of [['online', online], ['offline', offline]] as const) {
    const samples: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const start = performance.now();
      await target.processScan({ laneId: 'lane-1', code: { raw: card } });
      samples.push(performance.now() - start);
    }
    rows.push([`decoded code → recorded verdict, ${name}`, `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}`, name === 'offline' ? 'p95 ≤ 100 ms' : 'deadline 1,500 ms']);
  }
  await online.close();
  await offline.close();
}

server.kill('SIGTERM');
rmSync(folder, { recursive: true, force: true });
console.log('\n## Verification and sync (issue 6)\n');
console.log('| measure | result | target / note |\n|---|---|---|');
for (const [measure, result, target] of rows) console.log(`| ${measure} | ${result} | ${target} |`);
