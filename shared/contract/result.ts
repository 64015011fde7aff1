import { z } from 'zod';

/**
 * Errors cross every process boundary as values with a stable code that the officer's screen can
 * translate; the message is for logs and developers, never shown raw to the officer.
 */
export const errorCodes = [
  'invalid_input',
  'unknown_command',
  'unauthorized',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const contractErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /**
   * The domain's own stable reason (`settings.no-config-file`, `enrol.unreachable`…), when the
   * transport code alone would tell the officer something untrue: the screen translates this first.
   */
  reason: z.string().regex(/^[a-z][a-z0-9.-]{0,63}$/).optional(),
});
export type ContractError = z.infer<typeof contractErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, reason?: string): Result<never> {
  return { ok: false, error: { code, message, ...(reason === undefined ? {} : { reason }) } };
}

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: contractErrorSchema }),
  ]);
}

/** One line per zod issue, naming the path: `lanes.0.source: Invalid URL`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
