import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/core/db/open-database';
import { recordStationRun } from '../../electron/core/db/station-runs';
import { createTarGz } from '../../electron/core/support/tar-gz';
import { createStation } from '../../electron/core/station';
import { stationConfigSchema } from '../../shared/config/station-config';
import { createStationClient } from '../../shared/contract/client';
import { createInMemoryTransport } from '../../shared/contract/in-memory-transport';
import { createMemoryLogger } from '../helpers/memory-logger';
import { testKey } from '../helpers/fixtures';
import { stationBin } from '../helpers/station-cli';
import { useTempDirs } from '../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';

const tempDir = useTempDirs();

const idNumber = '079203012345';
const fullName = 'Trần Thị Bích Ngọc';
const token = 'stk_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const cardPayload = `${idNumber}|272727272|${fullName}|15062003|Nữ|12 Lê Lợi, Bến Nghé, Quận 1, TP Hồ Chí Minh|01072021`;

/** Extracts with the system's tar: proves the archive is a standard one, not just readable by us. */
function extract(archive: string): Map<string, string> {
  const into = tempDir();
  const result = spawnSync('tar', ['-xzf', archive, '-C', into], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  const files = readdirSync(into, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes('.'));
  return new Map(files.map((name) => [name, readFileSync(join(into, name), 'utf8')]));
}

function plantedStation() {
  const dataDir = tempDir();
  const database = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: testKey });
  recordStationRun(database.db, { startedAt: new Date().toISOString(), appVersion: '0.1.0', host: 'headless' });
  closeDatabase(database);
  mkdirSync(join(dataDir, 'logs'));
  // Lines that bypassed the logger's redaction (an older version, a stray write): the bundle must catch them.
  const lines = [
    JSON.stringify({ level: 30, scope: 'pipeline', msg: `decoded ${idNumber}`, fullName, citizen: { fullName, idNumber } }),
    JSON.stringify({ level: 40, scope: 'sync', msg: 'upload refused', token, headers: { authorization: `Bearer ${token}` } }),
    `plain text from a crash: ${cardPayload}`,
    JSON.stringify({ level: 30, scope: 'station', msg: 'station started' }),
  ];
  writeFileSync(join(dataDir, 'logs', 'station.1.log'), `${lines.join('\n')}\n`);
  const configFile = join(dataDir, 'config.json');
  writeFileSync(configFile, JSON.stringify({ api: { url: `https://station:${token}@api.example.gov.vn/v1?key=${token}` }, checkpoint: { id: 'CP-HN-07', name: 'Chốt Pháp Vân', direction: 'entry' } }));
  return { dataDir, configFile };
}

function runSupportBundle(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [stationBin, 'support-bundle', ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
}

describe('station support-bundle', () => {
  it('carries no planted ID number, name or token out of the logs or the config', () => {
    const { dataDir, configFile } = plantedStation();
    const out = join(tempDir(), 'bundle.tar.gz');
    const result = runSupportBundle(['--data', dataDir, '--config', configFile, '--out', out], { STATION_DB_KEY: testKey });
    expect(result.status, result.stderr).toBe(0);
    const files = extract(out);
    expect([...files.keys()].sort()).toEqual(['support/config.json', 'support/logs/station.1.log', 'support/summary.json']);
    const everything = [...files.values()].join('\n');
    for (const secret of [idNumber, fullName, token, '272727272', 'Lê Lợi']) expect(everything).not.toContain(secret);
    // Still useful: the lines are there, and the config says which API.
    expect(files.get('support/logs/station.1.log')).toContain('station started');
    expect(files.get('support/logs/station.1.log')).toContain('upload refused');
    expect(JSON.parse(files.get('support/config.json')!)).toMatchObject({ api: { url: expect.stringContaining('api.example.gov.vn/v1') }, checkpoint: { id: 'CP-HN-07' } });
  });

  it('reports versions and database statistics, never a row', () => {
    const { dataDir, configFile } = plantedStation();
    const out = join(tempDir(), 'bundle.tar.gz');
    expect(runSupportBundle(['--data', dataDir, '--config', configFile, '--out', out], { STATION_DB_KEY: testKey }).status).toBe(0);
    const summary = JSON.parse(extract(out).get('support/summary.json')!);
    expect(summary.versions).toMatchObject({ app: '0.1.0', node: process.versions.node, electron: null, platform: process.platform });
    expect(summary.database.files).toMatchObject({ cleanShutdownMark: true, sizes: { database: expect.any(Number) } });
    expect(summary.database.statistics.schemaVersion).toBeGreaterThan(0);
    expect(summary.database.statistics.rowCounts.station_runs).toBe(1);
  });

  it('still writes a bundle when the database key is sealed by the desktop app, and says so', () => {
    const { dataDir, configFile } = plantedStation();
    const out = join(tempDir(), 'bundle.tar.gz');
    const result = runSupportBundle(['--data', dataDir, '--config', configFile, '--out', out], { STATION_DB_KEY: '' });
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(extract(out).get('support/summary.json')!);
    expect(summary.database.statistics.unavailable).toContain('sealed by the desktop app');
    // No stray key file was created in the station's folder.
    expect(readdirSync(dataDir)).not.toContain('station.key');
  });
});

describe('tar.gz writer', () => {
  it('refuses member names that would escape the extraction folder', () => {
    expect(() => createTarGz([{ name: '../evil', content: '' }], new Date())).toThrow(/not a safe archive member name/);
    expect(() => createTarGz([{ name: '/etc/passwd', content: '' }], new Date())).toThrow(/not a safe archive member name/);
  });

  it('round-trips sizes across block boundaries', () => {
    const dir = tempDir();
    const contents = ['', 'x', 'y'.repeat(512), 'z'.repeat(513), 'Tiếng Việt có dấu'];
    writeFileSync(join(dir, 'a.tar.gz'), createTarGz(contents.map((content, index) => ({ name: `f/${index}.txt`, content })), new Date()));
    const files = extract(join(dir, 'a.tar.gz'));
    contents.forEach((content, index) => expect(files.get(`f/${index}.txt`) ?? '').toBe(content));
  });
});

describe('the support bundle from the app', () => {
  it('a supervisor writes it to the reports folder, owner-only, with the live database’s figures and no planted identity', async () => {
    const { dataDir } = plantedStation();
    const station = createStation({ databaseDriver: nodeDatabaseDriver, config: stationConfigSchema.parse({}), dataDir, host: 'electron', logger: createMemoryLogger().logger, databaseKey: testKey, enrolment: null });
    try {
      const client = createStationClient(createInMemoryTransport(station.router, station.events), () => undefined);
      expect(await client.invoke('exportSupportBundle', undefined)).toMatchObject({ ok: false, error: { reason: 'role.supervisor-required' } });
      station.officers.startDemoShift();
      const written = await client.invoke('exportSupportBundle', undefined);
      if (!written.ok) throw new Error(written.error.message);
      expect(written.value.path.startsWith(join(dataDir, 'reports', 'support-'))).toBe(true);
      expect(statSync(written.value.path).mode & 0o777).toBe(0o600);
      const files = extract(written.value.path);
      const summary = JSON.parse(files.get('support/summary.json')!) as { database: { statistics: Record<string, unknown> } };
      expect(summary.database.statistics).not.toHaveProperty('unavailable');
      const everything = [...files.values()].join('\n');
      for (const secret of [idNumber, fullName, token]) expect(everything).not.toContain(secret);
    } finally {
      await station.close();
    }
  });
});
