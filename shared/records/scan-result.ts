import { z } from 'zod';
import { verdictReasonSchema, verdictSchema, verificationSchema } from './passage';

/** One check of a VNeID code: made and passed or failed, not reached (an earlier one failed), or waiting for the network. */
export const vneidCheckStateSchema = z.enum(['passed', 'failed', 'not-reached', 'pending']);
export const vneidChecksSchema = z.object({ genuineApp: vneidCheckStateSchema, identity: vneidCheckStateSchema, time: vneidCheckStateSchema });
export type VneidChecks = z.infer<typeof vneidChecksSchema>;

/**
 * What the officer's verdict panel shows after a scan: least data — the full name (to compare
 * with the face and the card), a masked ID number, the age — and whether it reached the disk.
 */
export const scanResultSchema = z.object({
  laneId: z.string(),
  scannedAt: z.iso.datetime(),
  codeKind: z.string(),
  verdict: verdictSchema,
  reasons: z.array(verdictReasonSchema),
  verification: verificationSchema,
  person: z.object({ fullName: z.string().nullable(), maskedIdNumber: z.string().nullable(), age: z.number().int().nullable() }).nullable(),
  /** For a VNeID code, what was checked (shared/verdict/vneid-checks.ts); null for every other code. */
  vneidChecks: vneidChecksSchema.nullable(),
  /** null when NOT RECORDED. */
  passageId: z.string().nullable(),
  recordError: z.string().nullable(),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

/** Whole years between a `yyyy[-MM[-dd]]` birth date and `today` (`yyyy-MM-dd`); by year alone when that is all there is. */
export function ageOn(birthDate: string, today: string): number {
  const [birthYear = 0, birthMonth = 1, birthDay = 1] = birthDate.split('-').map(Number);
  const [year = 0, month = 1, day = 1] = today.split('-').map(Number);
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay);
  return birthDate.length === 4 ? year - birthYear : year - birthYear - (hadBirthday ? 0 : 1);
}
