import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureWritableFolder } from '../../electron/core/db/data-folder';
import { closeDatabase, openDatabase } from '../../electron/core/db/open-database';
import { exportPassages, type ExportFormat } from '../../electron/core/export/export-passages';
import { timestampedFile } from '../../electron/core/handlers/files';
import { closeLogFile, createLogger, openLogFile } from '../../electron/core/logging/logger';
import { createPassageStore } from '../../electron/core/store/passage-store';
import { samplePassageDraft, testKey } from '../helpers/fixtures';
import { useTempDirs } from '../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';

const tempDir = useTempDirs();
const modeOf = (path: string) => statSync(path).mode & 0o777;

/** A folder or file as an earlier version (or a umask of 022) left it: readable by everyone. */
function loose(path: string, kind: 'folder' | 'file'): string {
  if (kind === 'folder') mkdirSync(path, { recursive: true });
  else writeFileSync(path, 'written before\n');
  chmodSync(path, kind === 'folder' ? 0o755 : 0o644);
  return path;
}

function stationWithAPassage(dataDir: string) {
  const database = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: testKey });
  const store = createPassageStore(database.db, { checkpointId: 'CP-01', direction: 'exit', keepRawPayload: false, clock: { now: () => new Date(), serverOffsetMs: () => null } });
  store.record(samplePassageDraft());
  return database;
}

const everything = { from: '2000-01-01T00:00:00.000Z', to: '3000-01-01T00:00:00.000Z', unmasked: true, actor: 'station' };

// Mode bits are POSIX: on Windows NTFS ACLs apply, and the profile folder is private.
describe.skipIf(process.platform === 'win32')('owner-only files', () => {
  it('creates folders 0700, each level of a nested one, and takes group and others off an existing one', () => {
    const root = tempDir();
    ensureWritableFolder(join(root, 'data', 'exports'));
    expect([modeOf(join(root, 'data')), modeOf(join(root, 'data', 'exports'))]).toEqual([0o700, 0o700]);
    const earlier = loose(join(root, 'earlier'), 'folder');
    ensureWritableFolder(earlier);
    expect(modeOf(earlier)).toBe(0o700);
  });

  it('makes the data folder owner-only when the station opens its database, one left readable by an earlier version included', () => {
    const dataDir = loose(join(tempDir(), 'data'), 'folder');
    closeDatabase(openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: testKey }));
    expect(modeOf(dataDir)).toBe(0o700);
  });

  it.each<ExportFormat>(['csv', 'xlsx'])('writes %s exports 0600 in an exports folder made 0700, and the reports folder 0700', async (format) => {
    const dataDir = tempDir();
    loose(join(dataDir, 'exports'), 'folder');
    loose(join(dataDir, 'reports'), 'folder');
    const database = stationWithAPassage(dataDir);
    const path = timestampedFile(dataDir, 'exports', 'passages', format);
    expect(await exportPassages(database.db, { ...everything, format }, path)).toEqual({ rows: 1 });
    timestampedFile(dataDir, 'reports', 'shift', 'pdf');
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(join(dataDir, 'exports'))).toBe(0o700);
    expect(modeOf(join(dataDir, 'reports'))).toBe(0o700);
  });

  it('makes an existing file it writes over owner-only (the CLI’s --out)', async () => {
    const dataDir = tempDir();
    const database = stationWithAPassage(dataDir);
    const out = loose(join(tempDir(), 'passages.csv'), 'file');
    await exportPassages(database.db, { ...everything, format: 'csv' }, out);
    expect(modeOf(out)).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toContain('001158024485');
  });

  it('creates the logs folder 0700 and its first file 0600', async () => {
    const dataDir = tempDir();
    await closeLogFile(await openLogFile(dataDir));
    const logsDir = join(dataDir, 'logs');
    expect(modeOf(logsDir)).toBe(0o700);
    expect(readdirSync(logsDir).map((name) => modeOf(join(logsDir, name)))).toEqual([0o600]);
  });

  it('keeps logs 0600 in a 0700 folder: those an earlier version left readable, and each rotated one', async () => {
    const dataDir = tempDir();
    const logsDir = loose(join(dataDir, 'logs'), 'folder');
    const earlier = loose(join(logsDir, 'station.1.log'), 'file');
    const file = await openLogFile(dataDir, { fileSizeKb: 1, keptFiles: 5 });
    expect([modeOf(logsDir), modeOf(earlier)]).toEqual([0o700, 0o600]);
    let rolls = 0;
    file.on('ready', () => (rolls += 1));
    const logger = createLogger(file);
    for (let line = 0; line < 60; line += 1) {
      logger.info({ scope: 'test', line }, 'a line of about a hundred bytes, written many times over to force rotation');
      // Each write and rotation lands, as a running station's do.
      if (line % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await closeLogFile(file);
    expect(rolls).toBeGreaterThan(1);
    const files = readdirSync(logsDir);
    expect(files.length).toBeGreaterThan(2);
    expect(files.map((name) => [name, modeOf(join(logsDir, name))])).toEqual(files.map((name) => [name, 0o600]));
  });
});
