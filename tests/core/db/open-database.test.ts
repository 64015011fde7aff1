import { join } from 'node:path';
import Driver from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate, schemaVersionOf, type Migration } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open-database';
import { countStationRuns, recordStationRun } from '../../electron/core/db/station-runs';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('database', () => {
  it('opens in WAL mode with synchronous=FULL and migrates to the latest schema', () => {
    const { db, schemaVersion } = openDatabase(join(tempDir(), 'nested', 'station.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion).toBe(migrations.at(-1)?.version);
    db.close();
  });

  it('keeps what it stored across a reopen, without re-running migrations', () => {
    const path = join(tempDir(), 'station.db');
    const first = openDatabase(path);
    recordStationRun(first.db, { startedAt: '2026-11-23T01:00:00Z', appVersion: '0.1.0', host: 'headless' });
    first.db.close();
    const second = openDatabase(path);
    expect(countStationRuns(second.db)).toBe(1);
    second.db.close();
  });

  it('refuses a database written by a newer app', () => {
    const path = join(tempDir(), 'station.db');
    const raw = new Driver(path);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase(path)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(path)).toThrow(/schema version 999, newer than this app/);
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

describe('migration 0001 station-runs', () => {
  it('creates station_runs and refuses an unknown host', () => {
    const db = new Driver(':memory:');
    migrate(db, migrations.slice(0, 1));
    recordStationRun(db, { startedAt: '2026-11-23T01:00:00Z', appVersion: '0.1.0', host: 'browser' });
    expect(countStationRuns(db)).toBe(1);
    expect(() =>
      db.prepare('INSERT INTO station_runs (started_at, app_version, host) VALUES (?, ?, ?)').run('x', 'y', 'toaster'),
    ).toThrow(/CHECK constraint/);
  });
});
