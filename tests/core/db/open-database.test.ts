import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Driver from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate, schemaVersionOf, type Migration } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { DataDirNotWritableError } from '../../../electron/core/db/data-folder';
import { closeDatabase, openDatabase, WrongKeyError } from '../../../electron/core/db/open-database';
import { countStationRuns, recordStationRun } from '../../../electron/core/db/station-runs';
import { otherKey, testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const open = (path: string, key = testKey) => openDatabase(path, { driver: nodeDatabaseDriver, key });

describe('database', () => {
  it('opens in WAL mode with synchronous=FULL, secure_delete, and migrates to the latest schema', () => {
    const { db, schemaVersion, startupEvents } = open(join(tempDir(), 'nested', 'station.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion).toBe(migrations.at(-1)?.version);
    expect(startupEvents).toEqual([]);
    db.close();
  });

  it('keeps what it stored across a reopen, without re-running migrations', () => {
    const path = join(tempDir(), 'station.db');
    const first = open(path);
    recordStationRun(first.db, { startedAt: '2026-11-23T01:00:00Z', appVersion: '0.1.0', host: 'headless' });
    first.db.close();
    const second = open(path);
    expect(countStationRuns(second.db)).toBe(1);
    second.db.close();
  });

  it('refuses a database written by a newer app', () => {
    const path = join(tempDir(), 'station.db');
    const first = open(path);
    first.db.pragma('user_version = 999');
    first.db.close();
    expect(() => open(path)).toThrow(DatabaseTooNewError);
    expect(() => open(path)).toThrow(/schema version 999, newer than this app/);
  });

  it('rolls back a failing migration as a whole and keeps the previous version', () => {
    const db = new Driver(':memory:');
    const failing: Migration[] = [
      { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x)') },
      {
        version: 2,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE b (x)');
          d.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => migrate(db, failing)).toThrow();
    expect(schemaVersionOf(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });
});

describe('encryption at rest', () => {
  it('writes nothing readable: no SQLite header, no name, in the database or its WAL', () => {
    const path = join(tempDir(), 'station.db');
    const { db } = open(path);
    db.exec("CREATE TABLE probe (x TEXT); INSERT INTO probe VALUES ('Nguyễn Văn Đông 001099012345')");
    for (const file of [path, `${path}-wal`]) {
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
      expect(bytes.includes(Buffer.from('001099012345'))).toBe(false);
      expect(bytes.includes(Buffer.from('Nguyễn'))).toBe(false);
    }
    db.close();
    expect(() => new Driver(path).prepare('SELECT * FROM probe').all()).toThrow(/not a database/);
  });

  it('refuses the wrong key with a clear error and leaves the file untouched', () => {
    const path = join(tempDir(), 'station.db');
    open(path).db.close();
    const before = readFileSync(path);
    const error = (() => {
      try {
        open(path, otherKey);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(WrongKeyError);
    expect((error as Error).message).toMatch(/database key is wrong.*left untouched/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(open(path).schemaVersion).toBe(migrations.at(-1)?.version);
  });

  it('encrypts a plaintext database from before encryption, keeping its records', () => {
    const path = join(tempDir(), 'station.db');
    const plain = new Driver(path);
    migrate(plain, migrations.slice(0, 1));
    recordStationRun(plain, { startedAt: '2026-11-01T00:00:00Z', appVersion: '0.0.9', host: 'browser' });
    plain.close();
    const { db, startupEvents } = open(path);
    expect(startupEvents).toEqual([{ kind: 'encrypted-plaintext' }]);
    expect(countStationRuns(db)).toBe(1);
    db.close();
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });
});

describe('start-up checks', () => {
  it('moves a damaged database aside (never overwriting it) and starts a new one', () => {
    const folder = tempDir();
    const path = join(folder, 'station.db');
    const { db } = open(path);
    db.exec('CREATE TABLE filler (x BLOB)');
    const insert = db.prepare('INSERT INTO filler VALUES (randomblob(3000))');
    for (let i = 0; i < 200; i += 1) insert.run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Damage pages in the middle of the file: page 1 (the key check) stays intact.
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 200 * 1024, 260 * 1024);
    writeFileSync(path, bytes);

    const reopened = open(path, testKey);
    const [event] = reopened.startupEvents;
    expect(event?.kind).toBe('moved-aside');
    const movedTo = (event as { movedTo: string }).movedTo;
    expect(existsSync(movedTo)).toBe(true);
    expect(readFileSync(movedTo).equals(bytes)).toBe(true);
    expect(reopened.db.prepare("SELECT name FROM sqlite_master WHERE name = 'filler'").get()).toBeUndefined();
    expect(readdirSync(folder).filter((name) => name.includes('.damaged-'))).toHaveLength(1);
    reopened.db.close();
  });

  it('says clearly when the data folder cannot be written', () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    expect(() => open(join(file, 'station.db'))).toThrow(DataDirNotWritableError);
    expect(() => open(join(file, 'station.db'))).toThrow(/data folder .* is not writable/);
  });
});

describe('clean shutdown', () => {
  it('checks the whole file only when the last close was not clean, or the file changed since', () => {
    const path = join(tempDir(), 'station.db');
    const first = open(path);
    first.db.exec('CREATE TABLE filler (x BLOB)');
    const insert = first.db.prepare('INSERT INTO filler VALUES (randomblob(3000))');
    for (let i = 0; i < 200; i += 1) insert.run();
    closeDatabase(first);
    expect(existsSync(`${path}.clean-shutdown`)).toBe(true);
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).length : 0).toBe(0);

    const closed = statSync(path);
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 200 * 1024, 260 * 1024);
    writeFileSync(path, bytes);
    // Damage that leaves the size and time the close left (a disk going bad): the clean start
    // stays fast, without a full check; the mark is consumed.
    const closedAt = (Math.floor(closed.mtimeMs) + 0.5) / 1000; // seconds as a double: half a millisecond in survives the rounding
    utimesSync(path, closedAt, closedAt);
    const second = open(path);
    expect(second.startupEvents).toEqual([]);
    expect(existsSync(`${path}.clean-shutdown`)).toBe(false);
    second.db.close(); // a crash: no mark
    // Now the whole file is checked and the damage found.
    const third = open(path);
    expect(third.startupEvents.map((event) => event.kind)).toEqual(['moved-aside']);
    expect(third.startupEvents[0]).toMatchObject({ cause: 'failed-check' });
    third.db.close();
  });
});
