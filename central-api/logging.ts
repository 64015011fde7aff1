import pino, { type DestinationStream, type Logger } from 'pino';
import { redactString, redactValue } from '../shared/privacy/redact';

export type { Logger };

/**
 * JSON-lines logs with every record passed through the shared redactor, so an ID number, a name
 * or a token never reaches a log line whatever a handler passes in.
 */
export function createLogger(destination: DestinationStream, level = 'info'): Logger {
  return pino(
    {
      level,
      base: { service: 'central-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (record) => redactValue(record) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          return method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactString(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

/** `<dataDir>/logs/central-api.log`. */
export function openLogFile(dataDir: string): DestinationStream {
  return pino.destination({ dest: `${dataDir}/logs/central-api.log`, mkdir: true, sync: false });
}
