import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../electron/core/config/load-config';

/**
 * `npm start`: the desktop app where Electron can run; otherwise the very same station in browser
 * mode, said in one plain sentence instead of a stack trace.
 */
const forwardedArgs = process.argv.slice(2);
/** openapi.yaml's `servers` entry. */
const EMBEDDED_API_PORT = 8787;

run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--config', 'vite.citizen.config.ts', '--logLevel', 'warn']);
run('npx', ['tsx', 'scripts/build-electron.ts']);

const children: ChildProcess[] = [];
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => children.forEach((child) => child.kill(signal)));
const apiArgs = await embeddedCentralApi();

const electron = locateElectron();
const station = electron.ok
  ? spawn(electron.binary, ['.', ...forwardedArgs, ...apiArgs], { stdio: 'inherit' })
  : (console.log(`Electron cannot start here (${electron.reason}), so the station runs in browser mode: open the address printed below.`),
    spawn(process.execPath, ['bin/station.js', 'serve', ...forwardedArgs, ...apiArgs], { stdio: 'inherit' }));
children.push(station);
station.on('exit', (code) => {
  children.forEach((child) => child.kill('SIGTERM'));
  process.exit(code ?? 0);
});

/**
 * With no central API configured, start the reference one on this machine (data beside the
 * station's) and enrol the station with it, so a fresh checkout runs the whole system.
 */
async function embeddedCentralApi(): Promise<string[]> {
  const { values } = parseArgs({ args: forwardedArgs, options: { data: { type: 'string' }, config: { type: 'string' }, api: { type: 'string' } }, strict: false });
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  if (text(values.api) !== undefined) return [];
  const { config, dataDir } = await loadConfig({ configFile: text(values.config), dataDir: text(values.data) });
  if (config.api.url !== null) return [];
  const secret = randomBytes(18).toString('base64url');
  // The secret goes by environment and standard input: a command line is visible to every user (`ps`).
  // The document's port, so a station enrolled on an earlier run is still enrolled with this URL.
  // The citizen app's SMS codes print here: this console is the demo citizen's phone.
  const api = spawn(process.execPath, ['--import', 'tsx', 'central-api/main.ts', '--data', join(dataDir, 'central-api'), '--port', String(EMBEDDED_API_PORT), '--sms-to-console'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CENTRAL_API_ENROL_SECRET: secret },
  });
  children.push(api);
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: api.stdout! }).on('line', (line) => {
      const match = /^Central API ready: (\S+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
      else if (line.startsWith('SMS to ')) console.log(line);
    });
    api.once('exit', (code) => reject(new Error(`the embedded central API stopped (exit ${code})`)));
  });
  console.log(`Embedded reference central API: ${url} (the citizen's VNeID app simulator: ${url}/citizen/)`);
  run(process.execPath, ['bin/station.js', 'enrol', '--api', url, ...forwardedArgs], `${secret}\n`);
  // The embedded demo has no officers yet: the demo officer's shift starts at once.
  return ['--api', url, '--demo-officer'];
}

function run(command: string, args: string[], input?: string): void {
  const result = spawnSync(command, args, input === undefined ? { stdio: 'inherit' } : { stdio: ['pipe', 'inherit', 'inherit'], input });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

type ElectronLocation = { ok: true; binary: string } | { ok: false; reason: string };

function locateElectron(): ElectronLocation {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'there is no display' };
  }
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const binary = binaryPath(packageDir);
  if (binary !== null) return { ok: true, binary };
  // Electron fetches its binary on first use; our CI machines cannot reach its download host.
  console.log('Downloading the Electron binary (first run only)…');
  // Its own output is a stack trace when the download fails; our one sentence says it instead.
  const download = spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  const downloaded = download.status === 0 ? binaryPath(packageDir) : null;
  return downloaded !== null ? { ok: true, binary: downloaded } : { ok: false, reason: 'its binary could not be downloaded' };
}

function binaryPath(packageDir: string): string | null {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}
