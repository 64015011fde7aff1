import { parseArgs } from 'node:util';
import type { CentralApiOptions } from './server';

export const USAGE = 'usage: central-api --data DIR [--port N (default 8787, 0 = any free port)] [--enrol-secret S] [--test-admin] [--seed N]';

/** The document's `servers` entry, so a demo station finds the server without configuration. */
const DEFAULT_PORT = 8787;

export class UsageError extends Error {
  override name = 'UsageError';
}

function integer(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return value;
}

/** `--seed N` is the number of citizens to seed; the register's PRNG seed itself is fixed. */
export function parseCommandLine(argv: string[]): Omit<CentralApiOptions, 'logger' | 'now'> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        'enrol-secret': { type: 'string' },
        'test-admin': { type: 'boolean' },
        seed: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.data === undefined) throw new UsageError('--data DIR is required');
  const secret = values['enrol-secret'];
  // The document requires 8 characters: a shorter secret could never be presented.
  if (secret !== undefined && secret.length < 8) throw new UsageError('--enrol-secret must be at least 8 characters');
  return {
    dataDir: values.data,
    port: integer('port', values.port, 0, 65535) ?? DEFAULT_PORT,
    population: integer('seed', values.seed, 1, 1_000_000),
    enrolSecret: secret,
    testAdmin: values['test-admin'] === true,
  };
}
