/**
 * Scrubs personal data out of anything about to be logged. Logs leave the laptop in support
 * bundles, so ID numbers, names and raw QR payloads must never reach a log line — even when a
 * developer logs a whole object by mistake.
 */

export const REDACTED = '[redacted]';

/** Keys whose value is personal data (or a secret) whatever it looks like. Compared lower-case. */
const personalKeys = new Set([
  'idnumber',
  'oldidnumber',
  'fullname',
  'birthdate',
  'dateofbirth',
  'address',
  'phone',
  'documentnumber',
  'cardnumber',
  'socialinsurancenumber',
  'qid',
  'extras',
  'otherfields',
  'payload',
  'rawpayload',
  'raw',
  'text',
  'qr',
  'token',
  'pin',
  'secret',
  'password',
  'authorization',
  'cookie',
]);

/** 9+ digit runs: 9-digit old ID numbers, 12-digit personal IDs, health-insurance numbers. */
const longDigitRun = /\d{9,}/g;
/** A `|`-separated record of 5+ fields is a card or PC-Covid payload. */
const separatedRecord = /(?:[^|\n]*\|){4,}[^|\n]*/g;

const maxDepth = 8;

export function redactString(value: string): string {
  return value.replace(separatedRecord, '[payload]').replace(longDigitRun, '[number]');
}

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= maxDepth) return '[depth]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: redactString(value.message), stack: value.stack && redactString(value.stack) };
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = personalKeys.has(key.toLowerCase()) ? REDACTED : redactValue(item, depth + 1);
  }
  return result;
}
