import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import buildRollingFile from 'pino-roll';
import { redactValue } from '../../../shared/privacy/redact';
import { ensureWritableFolder, restrictToOwner } from '../db/data-folder';

export type { Logger };

declare module 'pino-roll' {
  interface RollOptions {
    /** Handed on to SonicBoom, which creates every file with it: the first and each rotated one. */
    mode?: number;
  }
}

/**
 * Scoped JSON logs. Every record goes through the redactor (shared/privacy/redact) before it is
 * written, so personal data never reaches a log line whatever a caller passes in.
 */
export function createLogger(destination: DestinationStream, level = 'info'): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The redactor has already made errors plain records, causes included: pino's own serializer would name their type `Object`.
      serializers: { err: (error: unknown) => error },
      hooks: {
        // Before pino serialises: errors, buffers and maps are redacted while their shape is known, and
        // interpolated arguments before they are spliced into the message.
        logMethod(args, method) {
          return method.apply(this, redactArguments(args) as Parameters<typeof method>);
        },
        // The line as written: what pino adds itself (child bindings, the message once interpolated) passes here too.
        streamWrite: (line) => `${JSON.stringify(redactValue(JSON.parse(line)))}\n`,
      },
    },
    destination,
  );
}

function redactArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  // Given an error alone, pino writes its raw message as the line's: hand it the redacted record under `err` instead.
  return [first instanceof Error ? { err: redactValue(first) } : redactValue(first), ...rest.map(redactValue)];
}

/** Rotation limits: the logs folder never holds more than `(keptFiles + 1) × fileSizeKb`, plus one line per file (a file rolls after the write that crosses its size). */
export interface LogLimits {
  fileSizeKb: number;
  /** Rotated files kept besides the one being written. */
  keptFiles: number;
}

/** At most 50 MB of logs on a field laptop's small disk: weeks of a busy lane's records. */
export const defaultLogLimits: LogLimits = { fileSizeKb: 5 * 1024, keptFiles: 9 };

/** pino's own file stream (SonicBoom), which pino-roll rotates. */
export type LogFile = ReturnType<typeof pino.destination>;

/**
 * Daily- and size-rotated files `<dataDir>/logs/station.<n>.log`. Old files are removed on every
 * rotation, including those of earlier runs (pino-roll's `removeOtherLogFiles`): without it the
 * limit counts only this process's files, and a laptop restarted daily would fill its disk.
 * Owner-only, folder and files, those of earlier versions too: redacted lines still hold passage
 * ids, lanes and times. Resolves once the file is open, so a log that cannot be written stops the
 * start plainly.
 */
export async function openLogFile(dataDir: string, limits: LogLimits = defaultLogLimits): Promise<LogFile> {
  const logsDir = join(dataDir, 'logs');
  ensureWritableFolder(logsDir);
  for (const entry of readdirSync(logsDir, { withFileTypes: true })) if (entry.isFile()) restrictToOwner(join(logsDir, entry.name));
  const file = await buildRollingFile({
    file: join(logsDir, 'station'),
    extension: '.log',
    frequency: 'daily',
    size: `${limits.fileSizeKb}k`,
    mode: 0o600,
    // Not for the folder (made above): SonicBoom's mkdir before each open lets pino-roll's cleanup list the folder before
    // the new file exists, so `keptFiles` rotated files stay besides it; without it the new file takes one of their places.
    mkdir: true,
    limit: { count: limits.keptFiles, removeOtherLogFiles: true },
  });
  await once(file, 'ready');
  return file;
}

/** Ends the file and waits until every line is on disk: the last lines say how the station stopped. */
export async function closeLogFile(file: LogFile): Promise<void> {
  const closed = once(file, 'close');
  file.end();
  await closed;
}
