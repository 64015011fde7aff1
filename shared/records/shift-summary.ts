import { z } from 'zod';
import { hourlyCountSchema } from './passage-query';

/** The shift dashboard and the printed shift report: what happened at the station in [from, to). */
export const shiftSummarySchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  byVerdict: z.object({ pass: z.number().int().nonnegative(), check: z.number().int().nonnegative(), deny: z.number().int().nonnegative(), invalid: z.number().int().nonnegative() }),
  /** Passages whose verdict an officer overrode. */
  overrides: z.number().int().nonnegative(),
  /** Passages that were decided offline. */
  offlineVerdicts: z.number().int().nonnegative(),
  perHour: z.array(hourlyCountSchema),
  /** Time within [from, to) the central API was unreachable, as this station saw it. */
  offlineMs: z.number().int().nonnegative(),
  /** Outbox depth and dead letters now. */
  pending: z.number().int().nonnegative(),
  deadLetters: z.number().int().nonnegative(),
});
export type ShiftSummary = z.infer<typeof shiftSummarySchema>;

export const shiftRangeSchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  /** The officer's local offset, so hours are the clock hours on the wall. */
  utcOffsetMinutes: z.number().int().min(-720).max(840),
});
