import { existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDatabaseCorruption } from '../../../electron/core/db/database-errors';
import { DataFolderInUseError } from '../../../electron/core/db/folder-lock';
import { closeDatabase, openDatabase, recoverDamagedDatabase, WrongKeyError, type OpenedDatabase, type StartupEvent } from '../../../electron/core/db/open-database';
import { verifyPin } from '../../../electron/core/officers/pin-hash';
import { createPassageStore } from '../../../electron/core/store/passage-store';
import { otherKey, samplePassageDraft, testKey } from '../../helpers/fixtures';
import { afterTheClose, leafPagesOf, officerPin, overwritePage, recordStation, snapshot, type Row, type Snapshot } from '../../helpers/station-records';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const open = (path: string, key = testKey) => openDatabase(path, { driver: nodeDatabaseDriver, key });

type MovedAside = Extract<StartupEvent, { kind: 'moved-aside' }>;

function movedAside(opened: OpenedDatabase): MovedAside {
  const event = opened.startupEvents.find((candidate) => candidate.kind === 'moved-aside');
  if (event?.kind !== 'moved-aside') throw new Error(`no moved-aside event in ${JSON.stringify(opened.startupEvents)}`);
  return event;
}

/** What the new database must hold: only rows of the original, each exactly as it was stored. */
function expectCarriedFrom(original: Snapshot, now: Snapshot): void {
  const originalPassages = new Map(original.passages.map((row) => [row.id, row]));
  for (const row of now.passages) expect(row).toEqual(originalPassages.get(row.id));
  // Nothing synced is carried, except a passage whose alert the officer has not seen yet.
  const alerted = new Set(original.alerts.filter((row) => row.acknowledged_at === null).map((row) => row.passage_id));
  expect(now.passages.filter((row) => row.sync_state === 'synced' && !alerted.has(row.id))).toEqual([]);
  // Every pending passage carried is in the outbox exactly once, and the outbox holds nothing else.
  const pending = now.passages.filter((row) => row.sync_state === 'pending').map((row) => row.id);
  expect(now.outbox.map((row) => row.passage_id).sort()).toEqual([...pending].sort());
  // Entries read back are as they were; one that could not be read is made again, after all of them.
  const originalOutbox = new Map(original.outbox.map((row) => [row.passage_id, row]));
  const newestEntry = Math.max(0, ...original.outbox.map((row) => row.sequence as number));
  for (const row of now.outbox) if ((row.sequence as number) <= newestEntry) expect(row).toEqual(originalOutbox.get(row.passage_id));
}

const unsynced = (records: Snapshot) => records.passages.filter((row) => row.sync_state !== 'synced');
/** The unsynced passages and those with an open alert. */
const toCarry = (records: Snapshot) => {
  const alerted = new Set(records.alerts.filter((row) => row.acknowledged_at === null).map((row) => row.passage_id));
  return records.passages.filter((row) => row.sync_state !== 'synced' || alerted.has(row.id));
};
const highest = (records: Snapshot) => Math.max(...records.passages.map((row) => row.sequence as number));

/** The next passage recorded on the new database: its sequence must follow every one handed out before. */
function recordOne(opened: OpenedDatabase): number {
  const store = createPassageStore(opened.db, { checkpointId: 'CP-01', direction: 'entry', keepRawPayload: false, clock: { now: () => new Date(), serverOffsetMs: () => null } });
  return store.record(samplePassageDraft()).sequence;
}

describe('a damaged database is set aside and salvaged', () => {
  it('random bytes over passages after a clean shutdown: checked, moved aside, every readable unsynced passage carried with its outbox entry', async () => {
    const path = join(tempDir(), 'station.db');
    const original = recordStation(path);
    const leaves = leafPagesOf(path, 'passages');
    await afterTheClose();
    // A run of pages in the middle of the passages: rows before and after it are intact.
    const damaged = leaves.slice(Math.floor(leaves.length / 2), Math.floor(leaves.length / 2) + 3);
    for (const page of damaged) overwritePage(path, page);
    const damagedBytes = readFileSync(path);

    const opened = open(path);
    const event = movedAside(opened);
    expect(event).toMatchObject({ cause: 'failed-check', movedTo: expect.stringMatching(/station\.db\.damaged-/) });
    expect(opened.startupEvents.map((candidate) => candidate.kind)).toEqual(['moved-aside']);
    expect(readFileSync(event.movedTo).equals(damagedBytes)).toBe(true);
    expect(readdirSync(join(path, '..')).filter((name) => name.includes('.damaged-'))).toEqual([event.movedTo.split('/').at(-1)]);

    const now = snapshot(opened.db);
    expectCarriedFrom(original, now);
    expect(event.salvage.passages).toBe(now.passages.length);
    // The damaged pages held unsynced passages: those are missing, and said to be.
    expect(now.passages.length).toBeLessThan(unsynced(original).length);
    expect(event.salvage.unreadableRanges).toBeGreaterThanOrEqual(1);
    // Reading went on past the damage: the newest and the oldest unsynced passages are there.
    expect(now.passages.at(-1)?.id).toBe(unsynced(original).at(-1)?.id);
    expect(now.passages.filter((row) => row.sync_state !== 'synced')[0]?.id).toBe(unsynced(original)[0]?.id);

    expect(now.officers).toEqual(original.officers);
    expect(verifyPin(officerPin, now.officers.find((row) => row.id === 'CB-0042')?.pin_hash as string)).toBe(true);
    expect(now.referenceData).toEqual(original.referenceData);
    expect(now.audit).toEqual(original.audit);
    expect(event.salvage).toMatchObject({ officers: 2, referenceData: 2, auditEntries: original.audit.length, invalidRows: 0 });
    // The newest passages were synced, so not carried: the sequence still follows them.
    expect(recordOne(opened)).toBe(highest(original) + 1);
    closeDatabase(opened);
  });

  it('a truncated file: moved aside, the passages in what is left carried, the rest said to be unreadable', async () => {
    const path = join(tempDir(), 'station.db');
    const original = recordStation(path);
    await afterTheClose();
    truncateSync(path, Math.floor(statSync(path).size * 0.6));

    const opened = open(path);
    const event = movedAside(opened);
    expect(opened.startupEvents.map((candidate) => candidate.kind)).toEqual(['moved-aside']);
    const now = snapshot(opened.db);
    expectCarriedFrom(original, now);
    expect(event.salvage.passages).toBe(now.passages.length);
    expect(now.passages.length).toBeGreaterThan(0);
    expect(now.passages.length).toBeLessThan(unsynced(original).length);
    expect(event.salvage.unreadableRanges).toBeGreaterThanOrEqual(1);
    expect(recordOne(opened)).toBe(highest(original) + 1);
    closeDatabase(opened);
    // The next start is a normal one.
    expect(open(path).startupEvents).toEqual([]);
  });

  it('a 0-byte file: moved aside, a new database, and the acknowledged passages it lost reported', () => {
    const path = join(tempDir(), 'station.db');
    const original = recordStation(path);
    writeFileSync(path, '');

    const opened = open(path);
    const event = movedAside(opened);
    expect(event).toMatchObject({ cause: 'empty', salvage: { passages: 0, officers: 0, referenceData: 0, auditEntries: 0, unreadableRanges: 0, invalidRows: 0 } });
    expect(statSync(event.movedTo).size).toBe(0);
    expect(opened.startupEvents[1]).toEqual({ kind: 'lost-acknowledged', expectedSequence: highest(original), foundSequence: 0, walCopy: null });
    expect(recordOne(opened)).toBe(highest(original) + 1);
    closeDatabase(opened);
  });

  it('a vanished database file: a new one, and the acknowledged passages it held reported', () => {
    const path = join(tempDir(), 'station.db');
    const original = recordStation(path);
    rmSync(path);
    const opened = open(path);
    expect(opened.startupEvents).toEqual([{ kind: 'lost-acknowledged', expectedSequence: highest(original), foundSequence: 0, walCopy: null }]);
    expect(recordOne(opened)).toBe(highest(original) + 1);
    closeDatabase(opened);
  });

  it('a pending passage whose outbox entry cannot be read is queued again, so it is still sent', async () => {
    const path = join(tempDir(), 'station.db');
    const original = recordStation(path);
    await afterTheClose();
    const leaves = leafPagesOf(path, 'outbox');
    overwritePage(path, leaves[Math.floor(leaves.length / 2)]!);

    const opened = open(path);
    const event = movedAside(opened);
    const now = snapshot(opened.db);
    expectCarriedFrom(original, now);
    expect(now.passages).toEqual(toCarry(original));
    expect(event.salvage.unreadableRanges).toBeGreaterThanOrEqual(1);
    const newestEntry = Math.max(...original.outbox.map((row) => row.sequence as number));
    expect(now.outbox.filter((row) => (row.sequence as number) > newestEntry).length).toBeGreaterThan(0);
    closeDatabase(opened);
  });

  it('a synced passage whose alert is still open is carried with its alert', async () => {
    const path = join(tempDir(), 'station.db');
    const original = recordStation(path, 120);
    await afterTheClose();
    overwritePage(path, leafPagesOf(path, 'passages').at(-2)!);
    const opened = open(path);
    const now = snapshot(opened.db);
    const [alert] = original.alerts;
    expect(now.alerts).toEqual([alert]);
    expect(now.passages.find((row) => row.id === alert?.passage_id)).toMatchObject({ sync_state: 'synced' });
    closeDatabase(opened);
  });
});

describe('a wrong key and a damaged first page', () => {
  it('with the key check beside the database, a damaged first page is damage: moved aside, never called a wrong key', async () => {
    const path = join(tempDir(), 'station.db');
    recordStation(path, 40);
    await afterTheClose();
    overwritePage(path, 1);
    const before = readFileSync(path);

    expect(() => open(path, otherKey)).toThrow(WrongKeyError);
    expect(readFileSync(path).equals(before)).toBe(true);

    const opened = open(path);
    const event = movedAside(opened);
    expect(event.cause).toBe('unreadable');
    expect(event.reason).toMatch(/SQLITE_NOTADB/);
    // Nothing can be read without the first page; the officer is told so.
    expect(event.salvage).toMatchObject({ passages: 0, unreadableRanges: 1 });
    expect(readFileSync(event.movedTo).equals(before)).toBe(true);
    closeDatabase(opened);
  });

  it('without a key check (a database from before it), a file that cannot be read is taken for a wrong key and left untouched', async () => {
    const path = join(tempDir(), 'station.db');
    recordStation(path, 40);
    rmSync(`${path}.key-check`);
    await afterTheClose();
    overwritePage(path, 1);
    const before = readFileSync(path);
    expect(() => open(path)).toThrow(/the database key is wrong.*left untouched/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(join(path, '..')).filter((name) => name.includes('.damaged-'))).toEqual([]);
  });
});

describe('setting aside never loses anything', () => {
  it('never overwrites an earlier damaged file, even one moved aside at the same moment', () => {
    const path = join(tempDir(), 'station.db');
    const now = () => new Date('2026-11-23T05:00:00.000Z');
    const names: string[] = [];
    for (let round = 0; round < 2; round += 1) {
      writeFileSync(path, '');
      const opened = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey, now });
      names.push(movedAside(opened).movedTo);
      closeDatabase(opened);
    }
    expect(names).toEqual([`${path}.damaged-2026-11-23T05-00-00-000Z`, `${path}.damaged-2026-11-23T05-00-00-000Z-2`]);
    expect(names.every((name) => existsSync(name))).toBe(true);
  });

  it('runtime damage: the store fails with SQLITE_CORRUPT, recoverDamagedDatabase sets it aside and carries its passages, keeping the folder', () => {
    const path = join(tempDir(), 'station.db');
    const original = recordStation(path);
    const opened = open(path);
    const leaves = leafPagesOf(path, 'passages');
    overwritePage(path, leaves[Math.floor(leaves.length / 2)]!);
    opened.db.pragma('shrink_memory'); // drops the cached pages: the next read goes to the file
    const failure = (() => {
      try {
        opened.db.prepare('SELECT sum(length(note)) FROM passages').get();
      } catch (error) {
        return error;
      }
    })();
    expect(isDatabaseCorruption(failure)).toBe(true);

    const recovered = recoverDamagedDatabase(opened, String(failure), { driver: nodeDatabaseDriver, key: testKey });
    const event = movedAside(recovered);
    expect(event).toMatchObject({ cause: 'runtime', reason: expect.stringMatching(/malformed/) });
    expect(opened.db.open).toBe(false);
    expect(existsSync(`${event.movedTo}`)).toBe(true);
    expect(existsSync(`${path}.clean-shutdown`)).toBe(false);
    const now = snapshot(recovered.db);
    expectCarriedFrom(original, now);
    expect(event.salvage.passages).toBe(now.passages.length);
    expect(now.passages.length).toBeGreaterThan(unsynced(original).length / 2);
    // Still this process's folder: another open is refused; closing gives it up with the clean mark.
    expect(() => open(path)).toThrow(DataFolderInUseError);
    expect(recordOne(recovered)).toBe(highest(original) + 1);
    closeDatabase(recovered);
    expect(existsSync(`${path}.clean-shutdown`)).toBe(true);
    expect(open(path).startupEvents).toEqual([]);
  });

  it('rows that are not valid records are refused and counted, not carried', async () => {
    const path = join(tempDir(), 'station.db');
    recordStation(path, 60);
    const opened = open(path);
    opened.db.prepare("UPDATE passages SET reasons = 'not json' WHERE sequence = 30").run();
    opened.db.prepare("UPDATE passages SET birth_date = '23/11/1990' WHERE sequence = 31").run();
    const written = snapshot(opened.db);
    closeDatabase(opened);
    await afterTheClose();
    overwritePage(path, leafPagesOf(path, 'passages').at(-1)!);

    const reopened = open(path);
    const event = movedAside(reopened);
    const now = snapshot(reopened.db);
    expect(event.salvage.invalidRows).toBe(2);
    expect(now.passages.map((row: Row) => row.sequence)).not.toContain(30);
    expect(now.passages.map((row: Row) => row.sequence)).not.toContain(31);
    expectCarriedFrom(written, now);
    closeDatabase(reopened);
  });
});
