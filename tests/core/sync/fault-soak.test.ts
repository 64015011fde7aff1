import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CentralApi } from '../../../central-api/server';
import { loadDatabaseKey } from '../../../electron/core/db/database-key';
import { closeDatabase, openDatabase } from '../../../electron/core/db/open-database';
import { createPassageAmendments } from '../../../electron/core/store/passage-amendments';
import { createPassageStore } from '../../../electron/core/store/passage-store';
import { enrolSecret, startTestCentralApi } from '../../helpers/central-api';
import { samplePassageDraft } from '../../helpers/fixtures';
import { runStationAsync, stationBin } from '../../helpers/station-cli';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const good = 10_000;
const poisoned = 20;
const kills = 5;
const annotated = 300;

interface PassageContent {
  id: string;
  sequence: number;
  revision: number;
}
/** One passage as text, so that a missing, doubled or stale copy shows in the diff. */
const byContent = (rows: PassageContent[]) => rows.map(({ id, sequence, revision }) => `${sequence}:${id}:r${revision}`).sort();

/** Over a third of calls go wrong, in every way the reference server can make them go wrong. */
const faultPlan = {
  seed: 7,
  faults: [
    { kind: 'error-500', probability: 0.1 },
    { kind: 'rate-limit-429', probability: 0.08, retryAfterSeconds: 0 },
    { kind: 'reset', probability: 0.08 },
    { kind: 'slow-body', probability: 0.04, latencyMs: 300 },
    { kind: 'latency', probability: 0.06, latencyMs: 150 },
  ],
};

/** An admin call; tried twice, since a pooled connection may still point at the server before its restart. */
async function admin(url: string, method: 'PUT' | 'POST', path: string, body: unknown): Promise<void> {
  const send = () => fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const response = await send().catch(send);
  expect(response.status).toBe(204);
}

const injectFaults = (api: CentralApi) => admin(api.url, 'PUT', '/admin/faults', faultPlan);

/** `station sync --until-empty` as a real process; killed with SIGKILL after `killAfterMs`, if given. */
function runSync(dataDir: string, apiUrl: string, killAfterMs?: number): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [stationBin, 'sync', '--until-empty', '--data', dataDir, '--api', apiUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      if (timer !== null) clearTimeout(timer);
      resolve({ code, stdout });
    });
  });
}

/**
 * Once the queue has drained, officers amend passages the server already holds (a plate, an
 * override): those go up again at a higher revision, so a server or station keeping the stale copy shows.
 */
async function amendSynced(stationDir: string): Promise<{ annotated: number; overridden: number }> {
  const database = openDatabase(join(stationDir, 'station.db'), { driver: nodeDatabaseDriver, key: await loadDatabaseKey({ dataDir: stationDir }) });
  const amendments = createPassageAmendments(database.db);
  const synced = database.db.prepare("SELECT id FROM passages WHERE sync_state = 'synced' ORDER BY sequence LIMIT ?").pluck().all(annotated) as string[];
  expect(synced).toHaveLength(annotated);
  for (const [index, id] of synced.entries()) {
    amendments.annotate(id, { plate: `29A-${index}`, note: null }, 'CB-7', new Date());
    if (index % 5 === 0) amendments.override(id, { verdict: 'check', reason: 'kiểm tra lại' }, 'CB-7', new Date());
  }
  closeDatabase(database);
  return { annotated: synced.length, overridden: Math.ceil(synced.length / 5) };
}

describe('fault soak', () => {
  it(`delivers ${good.toLocaleString('en')} passages exactly once through faults, a server restart and ${kills} SIGKILLs; poison sits in dead letters`, async () => {
    const apiDir = tempDir();
    const stationDir = tempDir();
    let api: CentralApi = await startTestCentralApi(apiDir);
    const { port, url } = api;

    // 10,020 recorded passages, the way the pipeline records them (set-up in one transaction).
    const database = openDatabase(join(stationDir, 'station.db'), { driver: nodeDatabaseDriver, key: await loadDatabaseKey({ dataDir: stationDir }) });
    const store = createPassageStore(database.db, { checkpointId: 'CP-01', direction: 'entry', keepRawPayload: false, clock: { now: () => new Date(), serverOffsetMs: () => null } });
    const ids = database.db.transaction(() => Array.from({ length: good + poisoned }, () => store.record(samplePassageDraft()).id))();
    const poison = ids.filter((_, index) => index % Math.floor(ids.length / poisoned) === 3).slice(0, poisoned);
    const poisonSet = new Set(poison);
    const recorded = database.db.prepare('SELECT id, sequence FROM passages ORDER BY sequence').all() as Omit<PassageContent, 'revision'>[];
    expect(recorded.map(({ sequence }) => sequence)).toEqual(recorded.map((_, index) => index + 1));
    closeDatabase(database);
    for (const passageId of poison) await admin(url, 'POST', '/admin/poison', { passageId });
    expect((await runStationAsync(['enrol', '--data', stationDir, '--api', url, '--station-id', 'SOAK-1'], enrolSecret)).code).toBe(0);
    await injectFaults(api);

    for (let kill = 0; kill < kills; kill += 1) {
      const run = await runSync(stationDir, url, 1500 + Math.random() * 1500);
      expect(run.code).toBeNull(); // killed mid-sync, not finished
      if (kill === 2) {
        await api.close(); // the server restarts too, keeping its database (poison marks are in memory: set again)
        api = await startTestCentralApi(apiDir, port);
        await injectFaults(api);
        for (const passageId of poison) await admin(url, 'POST', '/admin/poison', { passageId });
      }
    }
    expect((await runSync(stationDir, url)).code).toBe(0);
    // Officers amend passages the server already holds; those go up again through one more kill.
    const amended = await amendSynced(stationDir);
    await runSync(stationDir, url, 500 + Math.random() * 1500); // killed, or done first: either way, nothing may be lost or doubled
    const finish = await runSync(stationDir, url);
    expect(finish.code).toBe(0);
    expect(JSON.parse(finish.stdout)).toMatchObject({ remaining: 0, error: null });

    const final = openDatabase(join(stationDir, 'station.db'), { driver: nodeDatabaseDriver, key: await loadDatabaseKey({ dataDir: stationDir }) });
    const expected = byContent((final.db.prepare('SELECT id, sequence, revision FROM passages').all() as PassageContent[]).filter(({ id }) => !poisonSet.has(id)));
    closeDatabase(final);
    // On the server: every passage but the poisoned ones exactly once, at its newest revision, nothing else.
    const stored = (await (await fetch(`${url}/admin/passages`)).json()) as (PassageContent & { stationId: string })[];
    expect(new Set(stored.map((passage) => passage.stationId))).toEqual(new Set(['SOAK-1']));
    expect(byContent(stored)).toEqual(expected);
    expect(expected).toHaveLength(good);
    expect(expected.filter((row) => row.endsWith(':r1'))).toHaveLength(amended.annotated - amended.overridden);
    expect(expected.filter((row) => row.endsWith(':r2'))).toHaveLength(amended.overridden);
    // No gaps: the sequences missing on the server are exactly the poisoned passages'.
    const storedSequences = new Set(stored.map((passage) => passage.sequence));
    const missingSequences = recorded.filter(({ sequence }) => !storedSequences.has(sequence));
    expect(missingSequences.map(({ id }) => id)).toEqual(recorded.filter(({ id }) => poisonSet.has(id)).map(({ id }) => id));

    const after = openDatabase(join(stationDir, 'station.db'), { driver: nodeDatabaseDriver, key: await loadDatabaseKey({ dataDir: stationDir }) });
    const states = after.db.prepare('SELECT sync_state, count(*) AS n FROM passages GROUP BY sync_state ORDER BY sync_state').all();
    expect(states).toEqual([
      { sync_state: 'rejected', n: poisoned },
      { sync_state: 'synced', n: good },
    ]);
    expect(after.db.prepare("SELECT id FROM passages WHERE sync_state = 'rejected' ORDER BY id").all().map((row) => (row as { id: string }).id)).toEqual([...poison].sort());
    expect(after.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    closeDatabase(after);
    await api.close();
  }, 600_000);
});
