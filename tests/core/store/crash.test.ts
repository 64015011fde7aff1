import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/core/db/open-database';
import { createPassageStore } from '../../../electron/core/store/passage-store';
import { samplePassageDraft, testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';
import { currentWalFrames } from '../../helpers/wal-frames';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const writer = fileURLToPath(new URL('../../helpers/crash-writer.ts', import.meta.url));
const cycles = 30;

interface Acknowledged {
  id: string;
  sequence: number;
  revision: number;
}

/** Runs the writer until a random moment after its first acknowledgements, then SIGKILLs it. */
function runAndKill(path: string): Promise<Acknowledged[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path, testKey], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: Acknowledged[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.stdout.on('data', (chunk) => {
      buffer += String(chunk);
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * 200);
        else {
          const [id = '', sequence, revision] = line.split(' ');
          acknowledged.push({ id, sequence: Number(sequence), revision: Number(revision) });
        }
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`writer ended without the kill: ${stderr}`))));
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged passage and amendment through ${cycles} SIGKILLs, each once, with no gap and a sound file`, async () => {
    const path = `${tempDir()}/station.db`;
    const acknowledged: Acknowledged[] = [];
    for (let cycle = 0; cycle < cycles; cycle += 1) acknowledged.push(...(await runAndKill(path)));
    expect(acknowledged.length).toBeGreaterThan(cycles * 5);

    const { db, startupEvents } = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
    expect(startupEvents).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = db.prepare('SELECT id, sequence, revision FROM passages ORDER BY sequence').all() as Acknowledged[];
    const storedById = new Map(stored.map((row) => [row.id, row]));

    // The newest acknowledgement of each passage is on disk: same sequence, and its revision or the
    // one the kill interrupted after its commit (committed, not yet printed).
    const newest = new Map(acknowledged.map((row) => [row.id, row]));
    const lost = [...newest.values()].filter((ack) => {
      const row = storedById.get(ack.id);
      return row === undefined || row.sequence !== ack.sequence || row.revision < ack.revision || row.revision > ack.revision + 1;
    });
    expect(lost).toEqual([]);
    // Sequences run without a gap; passages nobody acknowledged are at most the one in flight at each kill.
    expect(stored.map((row) => row.sequence)).toEqual(stored.map((_, index) => index + 1));
    expect(stored.filter((row) => !newest.has(row.id)).length).toBeLessThanOrEqual(cycles);
    // Every passage waits in the outbox exactly once, and the outbox holds nothing else.
    const outbox = (db.prepare('SELECT passage_id FROM outbox ORDER BY passage_id').all() as { passage_id: string }[]).map((row) => row.passage_id);
    expect(outbox).toEqual(stored.map((row) => row.id).sort());
    db.close();
  }, 120_000);

  it('reports the acknowledged passages a damaged WAL lost after a crash, never silently, keeping a copy of that WAL', async () => {
    const path = `${tempDir()}/station.db`;
    const acknowledged: Acknowledged[] = [];
    // Crash writers until the WAL holds several commits after its first: those are what the damage takes.
    let frames = currentWalFramesIfAny(`${path}-wal`);
    for (let attempt = 0; frames.filter((frame) => frame.commit).length < 4; attempt += 1) {
      if (attempt === 10) throw new Error('the WAL never held four commits');
      acknowledged.push(...(await runAndKill(path)));
      frames = currentWalFramesIfAny(`${path}-wal`);
    }
    const firstCommit = frames.findIndex((frame) => frame.commit);
    const damagedFrame = frames[firstCommit + 1]!;
    const fd = openSync(`${path}-wal`, 'r+');
    writeSync(fd, randomBytes(512), 0, 512, damagedFrame.offset + 24 + 1024);
    closeSync(fd);
    const damagedWal = readFileSync(`${path}-wal`);
    const newestAcknowledged = Math.max(...acknowledged.map((ack) => ack.sequence));

    const opened = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
    const [event] = opened.startupEvents;
    if (event?.kind !== 'lost-acknowledged') throw new Error(`no loss reported: ${JSON.stringify(opened.startupEvents)}`);
    // The mark is the newest acknowledgement, or the commit the kill caught before it was printed.
    expect(event.expectedSequence - newestAcknowledged).toBeGreaterThanOrEqual(0);
    expect(event.expectedSequence - newestAcknowledged).toBeLessThanOrEqual(1);
    const stored = opened.db.prepare('SELECT id, sequence FROM passages ORDER BY sequence').all() as Acknowledged[];
    const found = stored.at(-1)?.sequence ?? 0;
    expect(event.foundSequence).toBe(found);
    expect(found).toBeLessThan(newestAcknowledged);
    // Up to what was found, nothing is missing; after it, every acknowledged passage is gone and reported as such.
    const storedIds = new Set(stored.map((row) => row.id));
    expect(acknowledged.filter((ack) => ack.sequence <= found && !storedIds.has(ack.id))).toEqual([]);
    expect(acknowledged.filter((ack) => ack.sequence > found && storedIds.has(ack.id))).toEqual([]);
    expect(event.walCopy !== null && readFileSync(event.walCopy).equals(damagedWal)).toBe(true);

    // No sequence is handed out twice: the next passage follows the lost ones.
    const store = createPassageStore(opened.db, { checkpointId: 'CP-01', direction: 'entry', keepRawPayload: false, clock: { now: () => new Date(), serverOffsetMs: () => null } });
    expect(store.record(samplePassageDraft()).sequence).toBe(event.expectedSequence + 1);
    closeDatabase(opened);
    // Said once: the next start has nothing new to report.
    const again = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
    expect(again.startupEvents).toEqual([]);
    closeDatabase(again);
  }, 120_000);
});

function currentWalFramesIfAny(walPath: string) {
  return existsSync(walPath) ? currentWalFrames(walPath) : [];
}
