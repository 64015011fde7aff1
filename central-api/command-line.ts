import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { componentSchema, createOpenApiAjv, loadOpenApiDocument } from './openapi';
import type { CentralApiOptions } from './server';

export const USAGE = [
  'usage: central-api --data DIR [--port N (default 8787, 0 = any free port)] [--enrol-secret-file FILE] [--test-admin] [--sms-to-console] [--seed N]',
  '         (or the bootstrap secret in CENTRAL_API_ENROL_SECRET)',
  '       central-api issue-enrolment-code --data DIR --station-id ID --checkpoint CP [--valid-hours N (default 24)]',
].join('\n');

/** Where the bootstrap secret may come from instead of the command line, which every user sees (`ps`). */
export const ENROL_SECRET_VARIABLE = 'CENTRAL_API_ENROL_SECRET';

/** The document's `servers` entry, so a demo station finds the server without configuration. */
const DEFAULT_PORT = 8787;
const DEFAULT_VALID_HOURS = 24;
/** A code is for a station being set up now; a month covers one shipped to a remote checkpoint. */
const MAX_VALID_HOURS = 720;

export class UsageError extends Error {
  override name = 'UsageError';
}

function integer(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return value;
}

/** parseArgs, its complaints (an unknown option, a missing value) as usage errors. */
function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

let contract: ReturnType<typeof createOpenApiAjv> | undefined;

/** Checks a value against one of the document's schemas, so what is given here is what enrolment accepts. */
function conforms(schemaName: string, value: string): boolean {
  contract ??= createOpenApiAjv(loadOpenApiDocument());
  return contract.validate(componentSchema(schemaName), value);
}

function readSecretFile(file: string): string {
  try {
    // The file's final newline is the editor's, not the secret's.
    return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    throw new UsageError(`--enrol-secret-file: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function bootstrapSecret(file: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const fromEnv = env[ENROL_SECRET_VARIABLE];
  if (file !== undefined && fromEnv !== undefined) throw new UsageError(`give the bootstrap secret once: ${ENROL_SECRET_VARIABLE} or --enrol-secret-file, not both`);
  const secret = file === undefined ? fromEnv : readSecretFile(file);
  if (secret !== undefined && !conforms('EnrolSecret', secret)) throw new UsageError('the bootstrap secret must be 8 to 256 printable ASCII characters without spaces');
  return secret;
}

/** `central-api --data DIR …`: the server's options. The bootstrap secret comes from `env` or a file. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv = process.env): Omit<CentralApiOptions, 'logger' | 'now' | 'onSms'> & { smsToConsole: boolean } {
  const { values } = asUsage(() =>
    parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        // Still recognised, to say why it is gone rather than "unknown option".
        'enrol-secret': { type: 'string' },
        'enrol-secret-file': { type: 'string' },
        'test-admin': { type: 'boolean' },
        'sms-to-console': { type: 'boolean' },
        seed: { type: 'string' },
      },
    }),
  );
  if (values['enrol-secret'] !== undefined) {
    throw new UsageError(`--enrol-secret is not accepted: a command line is visible to every user of the machine; set ${ENROL_SECRET_VARIABLE} or give --enrol-secret-file FILE`);
  }
  if (values.data === undefined) throw new UsageError('--data DIR is required');
  return {
    dataDir: values.data,
    port: integer('port', values.port, 0, 65535) ?? DEFAULT_PORT,
    // `--seed N` is the number of citizens to seed; the register's PRNG seed itself is fixed.
    population: integer('seed', values.seed, 1, 1_000_000),
    enrolSecret: bootstrapSecret(values['enrol-secret-file'], env),
    testAdmin: values['test-admin'] === true,
    smsToConsole: values['sms-to-console'] === true,
  };
}

export interface IssueCodeCommand {
  dataDir: string;
  stationId: string;
  checkpointId: string;
  validHours: number;
}

/** `central-api issue-enrolment-code …` (the arguments after the subcommand's name). */
export function parseIssueCodeCommandLine(argv: string[]): IssueCodeCommand {
  const { values } = asUsage(() =>
    parseArgs({
      args: argv,
      strict: true,
      options: { data: { type: 'string' }, 'station-id': { type: 'string' }, checkpoint: { type: 'string' }, 'valid-hours': { type: 'string' } },
    }),
  );
  if (values.data === undefined) throw new UsageError('--data DIR is required');
  const stationId = values['station-id'];
  if (stationId === undefined || !conforms('StationId', stationId)) throw new UsageError('--station-id must be 2 to 64 letters, digits or dashes');
  const checkpointId = values.checkpoint;
  if (checkpointId === undefined || !conforms('CheckpointId', checkpointId)) throw new UsageError('--checkpoint must be 1 to 32 letters, digits or dashes, starting with a letter or digit');
  return { dataDir: values.data, stationId, checkpointId, validHours: integer('valid-hours', values['valid-hours'], 1, MAX_VALID_HOURS) ?? DEFAULT_VALID_HOURS };
}
