import { z } from 'zod';
import { verdictSchema } from './passage';

/** History search: every filter optional, newest first, paged by `beforeSequence`. */
export const passageSearchSchema = z.object({
  idNumber: z.string().regex(/^\d{9,12}$/).optional(),
  /** A fragment of the name, with or without diacritics. */
  name: z.string().min(1).max(100).optional(),
  plate: z.string().min(1).max(20).optional(),
  verdict: verdictSchema.optional(),
  /** Passages the central API judged worse at sync: `open` = not acknowledged yet. */
  alert: z.enum(['open', 'any']).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  beforeSequence: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type PassageSearch = z.input<typeof passageSearchSchema>;

export const hourlyCountSchema = z.object({
  /** Local hour of day, 0–23. */
  hour: z.number().int().min(0).max(23),
  verdict: verdictSchema,
  count: z.number().int().nonnegative(),
});
export type HourlyCount = z.infer<typeof hourlyCountSchema>;
