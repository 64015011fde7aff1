import { z } from 'zod';

/** An officer's service number as the station knows it: short, no personal data. */
export const officerIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/, '2 to 32 letters, digits, dots, dashes or underscores');

/** A numeric PIN, as on the officer's duty card; it never leaves the core and is stored only as a scrypt hash. */
export const pinSchema = z.string().regex(/^\d{4,8}$/, '4 to 8 digits');

/** Who is on shift at this station now. */
export const officerSessionSchema = z.object({
  officerId: officerIdSchema,
  name: z.string().min(1).max(120),
  /** ISO time the shift (sign-in) started: the dashboard's default range begins here. */
  signedInAt: z.iso.datetime(),
});
export type OfficerSession = z.infer<typeof officerSessionSchema>;
