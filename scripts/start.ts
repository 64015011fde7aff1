import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * `npm start`: the desktop app where Electron can run; otherwise the very same station in browser
 * mode, said in one plain sentence instead of a stack trace.
 */
const forwardedArgs = process.argv.slice(2);

run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['tsx', 'scripts/build-electron.ts']);

const electron = locateElectron();
if (electron.ok) {
  const child = spawn(electron.binary, ['.', ...forwardedArgs], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  console.log(`Electron cannot start here (${electron.reason}), so the station runs in browser mode: open the address printed below.`);
  const child = spawn(process.execPath, ['bin/station.js', 'serve', ...forwardedArgs], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
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
