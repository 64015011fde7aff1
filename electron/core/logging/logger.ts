import { join } from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import buildRollingFile from 'pino-roll';
import { redactString, redactValue } from '../../../shared/privacy/redact';

export type { Logger };

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
      formatters: {
        log: (record) => redactValue(record) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const redacted = args.map((arg) => (typeof arg === 'string' ? redactString(arg) : arg));
          return method.apply(this, redacted as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

/** Daily- and size-rotated files `<dataDir>/logs/station.<date>.<n>.log`, at most 14 kept. */
export async function openLogFile(dataDir: string): Promise<DestinationStream & { end(): void }> {
  return buildRollingFile({
    file: join(dataDir, 'logs', 'station'),
    extension: '.log',
    frequency: 'daily',
    size: '10m',
    mkdir: true,
    limit: { count: 14 },
  });
}
