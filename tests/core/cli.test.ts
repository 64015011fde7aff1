import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Driver from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { runStation, startStationServe } from '../helpers/station-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('station command line', () => {
  it('--help lists the commands and the common options', () => {
    const { code, stdout } = runStation(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: station/);
    expect(stdout).toMatch(/^\s+serve \[options\]/m);
    const serveHelp = runStation(['serve', '--help']).stdout;
    expect(serveHelp).toContain('--data <dir>');
    expect(serveHelp).toContain('--config <file>');
  });

  it('--version prints the app version', () => {
    const { code, stdout } = runStation(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(packageJson.version);
  });

  it('an unknown command is a usage error (exit 2), not a stack trace', () => {
    const { code, stderr } = runStation(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'frobnicate'");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad config file is one plain line naming the field, exit 2', () => {
    const config = join(tempDir(), 'config.json');
    writeFileSync(config, JSON.stringify({ retention: { days: 0 } }));
    const { code, stderr } = runStation(['serve', '--config', config, '--data', tempDir()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^station: config file .*config\.json has invalid fields: retention\.days: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a database from a newer app is refused in one plain line, exit 1', () => {
    const dataDir = tempDir();
    const db = new Driver(join(dataDir, 'station.db'));
    db.pragma('user_version = 999');
    db.close();
    const { code, stderr } = runStation(['serve', '--data', dataDir]);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^station: the database has schema version 999, newer than this app's \d+: update the app$/);
  });

  it('a data folder it cannot write is one plain line, exit 1', () => {
    const readOnly = tempDir();
    writeFileSync(join(readOnly, 'config.json'), '{}');
    chmodSync(readOnly, 0o555);
    // Root writes anywhere, so as root the station runs as `nobody`, like an officer's account would.
    const asUser = process.getuid?.() === 0 ? 65534 : undefined;
    const args = ['export', '--config', join(readOnly, 'config.json'), '--data', join(readOnly, 'station'), '--out', join(readOnly, 'x.csv')];
    const { code, stderr } = runStation(args, undefined, asUser);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^station: the data folder .* is not writable \(EACCES\): records cannot be kept\n$/);
    expect(stderr).not.toMatch(/\n\s+at /);
    chmodSync(readOnly, 0o755);
  });

  it('a wrong database key is one plain line, exit 1, and the file is left as it was', () => {
    const dataDir = tempDir();
    expect(runStation(['export', '--data', dataDir, '--out', join(dataDir, 'x.csv')]).code).toBe(0);
    writeFileSync(join(dataDir, 'station.key'), `${'0'.repeat(64)}\n`, { mode: 0o600 });
    const { code, stderr } = runStation(['export', '--data', dataDir, '--out', join(dataDir, 'y.csv')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^station: cannot decrypt .*station\.db: the database key is wrong/);
  });

  it('serve prints the URL on one line, serves the app and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const served = await startStationServe(['--data', dataDir]);
    const response = await fetch(served.origin);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    await served.stop();
    expect(served.child.exitCode).toBe(0);
  });

  it('two stations with separate data folders run side by side', async () => {
    const [first, second] = await Promise.all([startStationServe(['--data', tempDir()]), startStationServe(['--data', tempDir()])]);
    expect(first.origin).not.toBe(second.origin);
    await Promise.all([first.stop(), second.stop()]);
  });
});

describe('station export', () => {
  it('exports the data folder’s passages to CSV and XLSX, and refuses a reversed range', () => {
    const dataDir = tempDir();
    const out = join(tempDir(), 'today.csv');
    const csv = runStation(['export', '--data', dataDir, '--from', '2026-01-01', '--to', '2030-01-01', '--out', out]);
    expect(csv.stderr).toBe(`exported 0 passages to ${out}\n`);
    expect(csv.code).toBe(0);
    const xlsx = runStation(['export', '--data', dataDir, '--format', 'xlsx', '--out', join(tempDir(), 'today.xlsx')]);
    expect(xlsx.code).toBe(0);
    const reversed = runStation(['export', '--data', dataDir, '--from', '2030-01-01', '--to', '2026-01-01', '--out', out]);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toBe('station: --from must be before --to\n');
  });
});
