import { z } from 'zod';

/** What the audit log records: officer actions and the station's own acts on the records. */
export const auditActions = [
  'officer.sign-in',
  'officer.sign-out',
  'officer.add',
  'officer.update',
  'officer.pin-reset',
  'officer.first-supervisor',
  'passage.view',
  'passage.override',
  'passage.amend',
  'alert.raised',
  'alert.acknowledged',
  'export',
  'export.unmasked',
  'retention.purge',
  'settings.change',
  'database.moved-aside',
  'database.passages-lost',
  'database.encrypted',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int().positive(),
  at: z.iso.datetime(),
  /** `officer:<id>` or `station`. */
  actor: z.string(),
  action: auditActionSchema,
  /** What the action was about, e.g. a passage id; never personal data. */
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
