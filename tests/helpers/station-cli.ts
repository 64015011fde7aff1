import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const stationBin = fileURLToPath(new URL('../../bin/station.js', import.meta.url));

/** Runs `station ARGS…` to completion (as another user when `uid` is given and we are root). */
export function runStation(args: string[], input?: string, uid?: number) {
  const result = spawnSync(process.execPath, [stationBin, ...args], { encoding: 'utf8', input, timeout: 60_000, ...(uid === undefined ? {} : { uid, gid: uid }) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `station ARGS…` without blocking this process (needed when a server in this process must answer it); `input` goes to its standard input. */
export function runStationAsync(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [stationBin, ...args], { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    child.stdin?.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `station serve ARGS…` and resolves with the URL it prints once ready; `env` adds to this process's environment. */
export async function startStationServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ url: string; origin: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [stationBin, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += String(chunk);
      const match = /^Station ready: (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)$/m.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`station serve exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
