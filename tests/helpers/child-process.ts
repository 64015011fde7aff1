import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Child {
  process: ChildProcess;
  /** Resolves with the first line of standard output that starts with `prefix`. */
  line(prefix: string): Promise<string>;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
}

/** Runs one of tests/helpers' TypeScript child programs under this Node (so `pid` is the program's own). */
export function startHelper(name: string, args: readonly string[]): Child {
  const script = fileURLToPath(new URL(`./${name}`, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return {
    process: child,
    line: (prefix) =>
      new Promise((resolve, reject) => {
        const look = () => {
          const found = stdout.split('\n').find((line) => line.startsWith(prefix));
          if (found !== undefined) {
            child.stdout.off('data', look);
            resolve(found);
          }
        };
        child.stdout.on('data', look);
        child.once('exit', () => reject(new Error(`${name} ended before printing "${prefix}": ${stderr}`)));
        look();
      }),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
