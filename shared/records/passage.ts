import { z } from 'zod';
import { passageAlertSchema } from './passage-alert';
import { directionSchema } from '../contract/status';

/**
 * A pass-through record: the legal record of who passed the checkpoint, kept in the station's
 * outbox until the central API has it. Identity holds only what the record needs.
 */

export const verdictSchema = z.enum(['pass', 'check', 'deny', 'invalid']);
export type Verdict = z.infer<typeof verdictSchema>;

export const verificationSchema = z.enum(['online', 'offline']);
export const syncStateSchema = z.enum(['pending', 'synced', 'rejected']);
export type SyncState = z.infer<typeof syncStateSchema>;

export const verdictReasonSchema = z.object({
  code: z.string().min(1).max(64),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type VerdictReason = z.infer<typeof verdictReasonSchema>;

export const passageIdentitySchema = z.object({
  idNumber: z.string().max(32).nullable(),
  fullName: z.string().max(200).nullable(),
  /** `yyyy`, `yyyy-MM` or `yyyy-MM-dd`: some cards carry only a year or a month. */
  birthDate: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable(),
  sex: z.enum(['male', 'female']).nullable(),
});
export type PassageIdentity = z.infer<typeof passageIdentitySchema>;

export const overrideReasonSchema = z.string().trim().min(3).max(300);

export const passageOverrideSchema = z.object({
  verdict: verdictSchema,
  reason: overrideReasonSchema,
  officerId: z.string().max(64),
  at: z.iso.datetime(),
});
export type PassageOverride = z.infer<typeof passageOverrideSchema>;

/** What the pipeline (camera, scanner or manual entry) hands the store. */
export const passageDraftSchema = z.object({
  laneId: z.string().min(1).max(32),
  codeKind: z.string().min(1).max(32),
  identity: passageIdentitySchema,
  /** The decoded text; kept only when the station is configured to keep it. */
  rawPayload: z.string().max(4096).nullable(),
  /** A VNeID token scanned offline, kept so the central API can verify it later at its scan time. */
  vneidToken: z.string().max(1024).nullable(),
  verdict: verdictSchema,
  reasons: z.array(verdictReasonSchema).max(32),
  verification: verificationSchema,
  officerId: z.string().max(64).nullable(),
  plate: z.string().max(20).nullable(),
  note: z.string().max(500).nullable(),
});
export type PassageDraft = z.infer<typeof passageDraftSchema>;

export const passageSchema = passageDraftSchema.extend({
  /** UUIDv7 made by the station: the record's id everywhere and the sync idempotency key. */
  id: z.uuid(),
  /** Station-wide, strictly increasing, never reused. */
  sequence: z.number().int().positive(),
  checkpointId: z.string(),
  direction: directionSchema,
  /** The station's wall clock when the code was scanned (ISO 8601, UTC). */
  scannedAt: z.iso.datetime(),
  /** scannedAt corrected by the last known server clock offset; null when none was known. */
  serverTime: z.iso.datetime().nullable(),
  syncState: syncStateSchema,
  syncAttempts: z.number().int().nonnegative(),
  lastSyncError: z.string().nullable(),
  /** An officer's override of the station's verdict (audited); `verdict` keeps what the station decided. */
  override: passageOverrideSchema.nullable(),
  /** Bumped by every amendment (override, plate, note) so the central API takes the newest copy once. */
  revision: z.number().int().nonnegative(),
  /** The central API's later judgement, when worse than the station's offline decision. */
  alert: passageAlertSchema.nullable(),
});
export type Passage = z.infer<typeof passageSchema>;
