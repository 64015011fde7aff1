import { z } from 'zod';

/** An officer's service number as the station knows it: short, no personal data. */
export const officerIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/, '2 to 32 letters, digits, dots, dashes or underscores');

/** A numeric PIN, as on the officer's duty card; it never leaves the core and is stored only as a scrypt hash. */
export const pinSchema = z.string().regex(/^\d{4,8}$/, '4 to 8 digits');

/** What an officer may do: an officer works the shift; a supervisor also runs the station (officers, settings, enrolment, unmasked exports). */
export const officerRoleSchema = z.enum(['officer', 'supervisor']);
export type OfficerRole = z.infer<typeof officerRoleSchema>;

export const officerNameSchema = z.string().trim().min(1).max(120);

/** Who is on shift at this station now. */
export const officerSessionSchema = z.object({
  officerId: officerIdSchema,
  name: z.string().min(1).max(120),
  role: officerRoleSchema,
  /** ISO time the shift (sign-in) started: the dashboard's default range begins here. */
  signedInAt: z.iso.datetime(),
});
export type OfficerSession = z.infer<typeof officerSessionSchema>;

/** An officer as the supervisor's officers screen lists them: never the PIN or its hash. */
export const officerViewSchema = z.object({
  id: officerIdSchema,
  name: z.string(),
  role: officerRoleSchema,
  disabled: z.boolean(),
  /** Locked out after wrong PINs, until this time. */
  lockedUntil: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type OfficerView = z.infer<typeof officerViewSchema>;
