import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { readValidated } from '../helpers/openapi-validator';
import { ENROL_SECRET_VARIABLE, parseCommandLine, parseIssueCodeCommandLine, USAGE, UsageError } from '../../central-api/command-line';
import { startCentralApi } from '../../central-api/server';

const mainScript = fileURLToPath(new URL('../../central-api/main.ts', import.meta.url));
const nodeArgs = ['--import', 'tsx', mainScript];
const tempDir = useTempDirs();
const enrolBody = (secret: string, stationId = 'ST-CLI', checkpointId = 'CP-01') => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stationId, secret, checkpointId }) });

describe('central-api command', () => {
  it('prints one ready line, serves, logs to its data folder and stops on SIGTERM; the bootstrap secret comes from the environment, not the command line', async () => {
    const dataDir = tempDir();
    const secret = 'cli-secret-from-env-1';
    const child = spawn(process.execPath, [...nodeArgs, '--port', '0', '--data', dataDir, '--seed', '200'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, [ENROL_SECRET_VARIABLE]: secret } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk) => {
        stdout += String(chunk);
        const match = /^Central API ready: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`central-api exited with ${code}: ${stderr}`)));
    });
    // What `ps` shows every user of the machine.
    expect(readFileSync(`/proc/${child.pid}/cmdline`, 'utf8')).not.toContain(secret);
    expect(await readValidated('health', await fetch(`${url}/v1/health`))).toEqual({ status: 'ok' });
    const enrolled = await fetch(`${url}/v1/stations/enrol`, enrolBody(secret));
    expect(enrolled.status).toBe(201);
    expect((await fetch(`${url}/admin/passages`)).status).toBe(404);

    const exitCode = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(exitCode).toBe(0);
    expect(existsSync(join(dataDir, 'logs', 'central-api.log'))).toBe(true);
    expect(existsSync(join(dataDir, 'central-api.sqlite'))).toBe(true);
  });

  it('refuses bad usage with one line and exit code 2', () => {
    const result = spawnSync(process.execPath, [...nodeArgs, '--port', '80'], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`central-api: --data DIR is required\n${USAGE}\n`);
    expect(result.stdout).toBe('');
  });

  it.each([
    [['--data', 'd', '--port', 'eighty'], {}, '--port must be an integer from 0 to 65535'],
    [['--data', 'd', '--seed', '0'], {}, '--seed must be an integer from 1 to 1000000'],
    [['--data', 'd', '--enrol-secret', 'a-secret-on-the-command-line'], {}, '--enrol-secret is not accepted: a command line is visible to every user of the machine'],
    [['--data', 'd'], { [ENROL_SECRET_VARIABLE]: 'short' }, 'the bootstrap secret must be 8 to 256 printable ASCII characters without spaces'],
    [['--data', 'd'], { [ENROL_SECRET_VARIABLE]: 'has a space in it' }, 'the bootstrap secret must be 8 to 256 printable ASCII characters without spaces'],
    [['--data', 'd', '--enrol-secret-file', '/nonexistent/secret'], {}, '--enrol-secret-file: cannot read /nonexistent/secret (ENOENT)'],
    [['--data', 'd', '--enrol-secret-file', '/nonexistent/secret'], { [ENROL_SECRET_VARIABLE]: 'demo-secret' }, 'give the bootstrap secret once'],
    [['--data', 'd', '--bogus'], {}, "Unknown option '--bogus'"],
  ])('rejects %j with %j', (args, env, message) => {
    expect(() => parseCommandLine(args, env)).toThrow(new UsageError(message).message);
  });

  it('defaults to port 8787, the server the document names, with no bootstrap secret', () => {
    expect(parseCommandLine(['--data', 'd'], {})).toMatchObject({ port: 8787, testAdmin: false, smsToConsole: false, enrolSecret: undefined });
  });

  it('reads every option, the bootstrap secret from the environment or from a file without its final newline', () => {
    expect(parseCommandLine(['--data', 'd', '--port', '8787', '--test-admin', '--sms-to-console', '--seed', '500'], { [ENROL_SECRET_VARIABLE]: 'demo-secret' })).toEqual({
      dataDir: 'd',
      port: 8787,
      population: 500,
      enrolSecret: 'demo-secret',
      testAdmin: true,
      smsToConsole: true,
    });
    const file = join(tempDir(), 'enrol-secret');
    writeFileSync(file, 'secret-in-a-file\n', { mode: 0o600 });
    expect(parseCommandLine(['--data', 'd', '--enrol-secret-file', file], {}).enrolSecret).toBe('secret-in-a-file');
  });
});

describe('central-api issue-enrolment-code', () => {
  it('prints a one-time code alone on stdout; it enrols that station at that checkpoint once', async () => {
    const dataDir = tempDir();
    const issued = spawnSync(process.execPath, [...nodeArgs, 'issue-enrolment-code', '--data', dataDir, '--station-id', 'ST-ISSUED', '--checkpoint', 'CP-07', '--valid-hours', '2'], { encoding: 'utf8', timeout: 30_000 });
    expect(issued.status, issued.stderr).toBe(0);
    const code = issued.stdout.trim();
    expect(issued.stdout).toBe(`${code}\n`);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    expect(issued.stderr).toMatch(/station ST-ISSUED at checkpoint CP-07, valid until \d{4}-\d\d-\d\dT/);

    const api = await startCentralApi({ dataDir, population: 50 });
    try {
      // The administrator's typing may differ in case: the code is the same.
      const enrolled = await fetch(`${api.url}/v1/stations/enrol`, enrolBody(code.toLowerCase(), 'ST-ISSUED', 'CP-07'));
      expect(await readValidated('enrolStation', enrolled)).toMatchObject({ stationId: 'ST-ISSUED', checkpointId: 'CP-07' });
      const again = await fetch(`${api.url}/v1/stations/enrol`, enrolBody(code, 'ST-ISSUED', 'CP-07'));
      expect(again.status).toBe(401);
      expect(await readValidated('enrolStation', again)).toMatchObject({ code: 'enrolment-code-invalid' });
    } finally {
      await api.close();
    }
  });

  it('reads its options and refuses bad ones', () => {
    expect(parseIssueCodeCommandLine(['--data', 'd', '--station-id', 'ST-1', '--checkpoint', 'CP-01'])).toEqual({ dataDir: 'd', stationId: 'ST-1', checkpointId: 'CP-01', validHours: 24 });
    expect(() => parseIssueCodeCommandLine(['--station-id', 'ST-1', '--checkpoint', 'CP-01'])).toThrow('--data DIR is required');
    expect(() => parseIssueCodeCommandLine(['--data', 'd', '--station-id', 'ST 1!', '--checkpoint', 'CP-01'])).toThrow('--station-id must be');
    expect(() => parseIssueCodeCommandLine(['--data', 'd', '--station-id', 'ST-1', '--checkpoint', 'x'.repeat(33)])).toThrow('--checkpoint must be');
    expect(() => parseIssueCodeCommandLine(['--data', 'd', '--station-id', 'ST-1', '--checkpoint', 'CP-01', '--valid-hours', '721'])).toThrow('--valid-hours must be an integer from 1 to 720');
  });
});
