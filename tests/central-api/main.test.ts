import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { readValidated } from '../helpers/openapi-validator';
import { parseCommandLine, USAGE, UsageError } from '../../central-api/command-line';

const mainScript = fileURLToPath(new URL('../../central-api/main.ts', import.meta.url));
const nodeArgs = ['--import', 'tsx', mainScript];
const tempDir = useTempDirs();

describe('central-api command', () => {
  it('prints one ready line, serves, logs to its data folder and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, [...nodeArgs, '--port', '0', '--data', dataDir, '--seed', '200', '--enrol-secret', 'cli-secret-1'], { stdio: ['ignore', 'pipe', 'pipe'] });
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
    expect(await readValidated('health', await fetch(`${url}/v1/health`))).toEqual({ status: 'ok' });
    const enrolled = await fetch(`${url}/v1/stations/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stationId: 'ST-CLI', secret: 'cli-secret-1', checkpointId: 'CP-01' }) });
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
    [['--data', 'd', '--port', 'eighty'], '--port must be an integer from 0 to 65535'],
    [['--data', 'd', '--seed', '0'], '--seed must be an integer from 1 to 1000000'],
    [['--data', 'd', '--enrol-secret', 'short'], '--enrol-secret must be at least 8 characters'],
    [['--data', 'd', '--bogus'], "Unknown option '--bogus'"],
  ])('rejects %j', (args, message) => {
    expect(() => parseCommandLine(args)).toThrow(new UsageError(message).message);
  });

  it('defaults to port 8787, the server the document names', () => {
    expect(parseCommandLine(['--data', 'd'])).toMatchObject({ port: 8787, testAdmin: false });
  });

  it('reads every option', () => {
    expect(parseCommandLine(['--data', 'd', '--port', '8787', '--enrol-secret', 'demo-secret', '--test-admin', '--seed', '500'])).toEqual({
      dataDir: 'd',
      port: 8787,
      population: 500,
      enrolSecret: 'demo-secret',
      testAdmin: true,
    });
  });
});
