import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseKeyError, loadDatabaseKey, type KeySealer } from '../../../electron/core/db/database-key';
import { closeDatabase, openDatabase } from '../../../electron/core/db/open-database';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();

describe('database key', () => {
  it('creates a random 256-bit key in an owner-only file, and reads the same key back', async () => {
    const dataDir = join(tempDir(), 'fresh');
    const key = await loadDatabaseKey({ dataDir });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== 'win32') expect(statSync(join(dataDir, 'station.key')).mode & 0o777).toBe(0o600);
    expect(await loadDatabaseKey({ dataDir })).toBe(key);
    expect(await loadDatabaseKey({ dataDir: tempDir() })).not.toBe(key);
  });

  it('never makes a new key beside an existing database: a missing key file is refused, naming it, the database untouched', async () => {
    const dataDir = tempDir();
    const key = await loadDatabaseKey({ dataDir });
    closeDatabase(openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key }));
    const database = readFileSync(join(dataDir, 'station.db'));
    rmSync(join(dataDir, 'station.key'));

    const error = await loadDatabaseKey({ dataDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseKeyError);
    expect(error).toMatchObject({ code: 'key-file-missing' });
    expect((error as Error).message).toBe(
      `the database key file ${join(dataDir, 'station.key')} is missing, but ${join(dataDir, 'station.db')} exists: ` +
        'the database was left untouched; restore the key file from its backup, or set STATION_DB_KEY to the key',
    );
    expect(existsSync(join(dataDir, 'station.key'))).toBe(false);
    expect(readFileSync(join(dataDir, 'station.db')).equals(database)).toBe(true);
    // The key from outside still opens it.
    expect(await loadDatabaseKey({ dataDir, environmentKey: key })).toBe(key);
  });

  it('refuses a key file other users can read', async () => {
    const dataDir = tempDir();
    await loadDatabaseKey({ dataDir });
    chmodSync(join(dataDir, 'station.key'), 0o644);
    await expect(loadDatabaseKey({ dataDir })).rejects.toThrow(/can be read by other users \(mode 644\): run chmod 600/);
  });

  it('refuses a key file that does not hold a key', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'station.key'), 'hunter2\n', { mode: 0o600 });
    await expect(loadDatabaseKey({ dataDir })).rejects.toThrow(DatabaseKeyError);
  });

  it('takes STATION_DB_KEY over any file, and validates it', async () => {
    const dataDir = tempDir();
    const fromEnvironment = 'C0FFEE'.repeat(10) + 'C0DE';
    expect(await loadDatabaseKey({ dataDir, environmentKey: fromEnvironment })).toBe(fromEnvironment.toLowerCase());
    await expect(loadDatabaseKey({ dataDir, environmentKey: 'short' })).rejects.toThrow(/STATION_DB_KEY does not hold a database key/);
  });

  it('stores only what the sealer produced (the OS keychain in the desktop app)', async () => {
    const dataDir = tempDir();
    const sealer: KeySealer = {
      fileName: 'station.key.sealed',
      kind: 'os-keychain',
      seal: async (key) => Buffer.from(key.split('').reverse().join('')),
      unseal: async (sealed) => sealed.toString().split('').reverse().join(''),
    };
    const key = await loadDatabaseKey({ dataDir, sealer });
    expect(readFileSync(join(dataDir, 'station.key.sealed'), 'utf8')).not.toContain(key);
    expect(await loadDatabaseKey({ dataDir, sealer })).toBe(key);
  });
});
