import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError } from '../../../electron/core/db/folder-lock';
import { closeDatabase, openDatabase, openDatabaseReadOnly } from '../../../electron/core/db/open-database';
import { startHelper, type Child } from '../../helpers/child-process';
import { testKey } from '../../helpers/fixtures';
import { afterTheClose, leafPagesOf, overwritePage, recordStation } from '../../helpers/station-records';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const children: Child[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) await child.kill();
});

function holder(path: string): Child {
  const child = startHelper('hold-database.ts', [path, testKey]);
  children.push(child);
  return child;
}

function refusal(path: string): unknown {
  try {
    openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
  } catch (error) {
    return error;
  }
  throw new Error('the second open was not refused');
}

describe('one process owns a data folder', () => {
  it('refuses a second writable open beside a running station, touching nothing; after the holder is killed the open checks the file', async () => {
    const folder = tempDir();
    const path = join(folder, 'station.db');
    recordStation(path, 40);
    const station = holder(path);
    expect(await station.line('opened')).toBe('opened []');
    // The holder consumed the clean mark, as a running station does. Damage its file meanwhile.
    expect(existsSync(`${path}.clean-shutdown`)).toBe(false);
    await afterTheClose();
    overwritePage(path, leafPagesOf(path, 'passages')[2]!);
    const files = readdirSync(folder).sort();
    // The lock is an OS file lock: nothing is written, so no journal a crash could leave behind.
    expect(files.filter((name) => name.startsWith('station.db.lock'))).toEqual(['station.db.lock', 'station.db.lock.pid']);
    const bytes = readFileSync(path);

    const error = refusal(path);
    expect(error).toBeInstanceOf(DataFolderInUseError);
    expect(error).toMatchObject({ code: 'data-folder-in-use', pid: station.process.pid });
    expect((error as Error).message).toBe(
      `the data folder ${folder} is in use by another station process (pid ${station.process.pid}): stop it first, or use the app`,
    );
    // Never checked, moved aside or marked clean: the running station's files are as they were.
    expect(readdirSync(folder).sort()).toEqual(files);
    expect(readFileSync(path).equals(bytes)).toBe(true);

    // Support bundles and statistics read beside it, without the lock and without the mark.
    const reader = openDatabaseReadOnly(path, { driver: nodeDatabaseDriver, key: testKey });
    expect(reader.prepare('SELECT count(*) FROM officers').pluck().get()).toBe(2);
    reader.close();
    expect(existsSync(`${path}.clean-shutdown`)).toBe(false);

    // The OS frees the lock with the process, SIGKILL included; the holder crashed, so the file is checked.
    await station.kill();
    const opened = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
    expect(opened.startupEvents.map((event) => event.kind)).toEqual(['moved-aside']);
    expect(opened.startupEvents[0]).toMatchObject({ cause: 'failed-check' });
    closeDatabase(opened);
  });

  it('a clean close gives the folder up: another process opens it with a fast start', async () => {
    const path = join(tempDir(), 'station.db');
    closeDatabase(openDatabase(path, { driver: nodeDatabaseDriver, key: testKey }));
    const station = holder(path);
    expect(await station.line('opened')).toBe('opened []');
    await station.kill();
    expect(existsSync(`${path}.clean-shutdown`)).toBe(false);
    const opened = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
    expect(opened.startupEvents).toEqual([]);
    closeDatabase(opened);
  });

  it('refuses a second writable open in the same process while the first is open', () => {
    const path = join(tempDir(), 'station.db');
    const first = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
    expect(() => openDatabase(path, { driver: nodeDatabaseDriver, key: testKey })).toThrow(DataFolderInUseError);
    closeDatabase(first);
    closeDatabase(openDatabase(path, { driver: nodeDatabaseDriver, key: testKey }));
  });
});
