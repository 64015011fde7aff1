import { z } from 'zod';

/**
 * Why a passage decided offline was worse than the station knew: the central API, checking it at
 * sync against the register as of its scan time, found the VNeID code not genuine, the identity
 * not in the register, the person denied, or under quarantine.
 */
export const alertKindSchema = z.enum(['not-genuine', 'not-confirmed', 'denied', 'quarantine']);
export type AlertKind = z.infer<typeof alertKindSchema>;

export const passageAlertSchema = z.object({
  kind: alertKindSchema,
  raisedAt: z.iso.datetime(),
  /** Set once an officer has seen it and acted (audited). */
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type PassageAlert = z.infer<typeof passageAlertSchema>;
