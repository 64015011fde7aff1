import { z } from 'zod';
import { IDENTITY_FIELD_MAX } from '../codes/limits';

/**
 * The central API's payloads as the station reads them (central-api/openapi.yaml is the source
 * of truth; tests check both sides against it). Responses are untrusted input: parsed here, once.
 */

export const citizenStatusSchema = z.enum(['quarantine', 'confirmed-case', 'wanted', 'denied-entry']);
export type CitizenStatus = z.infer<typeof citizenStatusSchema>;

export const citizenSchema = z.object({
  idNumber: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  sex: z.enum(['male', 'female']),
});

export const serverTimeSchema = z.object({ serverTime: z.iso.datetime({ offset: true }) });

export const enrolResponseSchema = z.object({ stationId: z.string(), token: z.string().min(32) });

export const verifyResponseSchema = z.object({
  match: z.enum(['found', 'mismatch', 'not-found', 'token-invalid', 'token-expired']),
  citizen: citizenSchema.optional(),
  statuses: z.array(citizenStatusSchema),
  denyListed: z.boolean().optional(),
  checkedAt: z.iso.datetime({ offset: true }),
});
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;

export const passageResultSchema = z.object({
  id: z.string(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  reason: z.string().optional(),
  retroCheck: z.lazy(() => retroCheckSchema).optional(),
});

/**
 * For a passage decided offline, the register's judgement as of its scan time: whether the code's
 * identity is there (`token-invalid`: a VNeID code that was not genuine then), and whether that
 * person was to be stopped (deny list, blocking status) or checked (quarantine). `citizen` names a
 * VNeID code's holder.
 */
export const retroCheckSchema = z.object({
  match: z.enum(['found', 'mismatch', 'not-found', 'token-invalid']),
  denied: z.boolean(),
  quarantine: z.boolean(),
  citizen: citizenSchema.optional(),
});
export type RetroCheck = z.infer<typeof retroCheckSchema>;
export type PassageResult = z.infer<typeof passageResultSchema>;

export const passageBatchResultSchema = z.object({ results: z.array(passageResultSchema) });

export const ruleSchema = z.object({
  id: z.string(),
  when: z.unknown(),
  verdict: z.enum(['pass', 'check', 'deny', 'invalid']),
  reason: z.string(),
});
export const ruleSetSchema = z.object({ version: z.string(), rules: z.array(ruleSchema) });
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** GET /v1/reference/dcc-trust-list: the document signers vaccine passports are checked against. */
export const dccTrustListSchema = z.object({
  version: z.string().max(64),
  signers: z
    .array(z.object({
      /** Base64 of the 8-byte key id; the station recomputes it from the certificate and refuses a list where they differ. */
      kid: z.string().max(16),
      country: z.string().max(8),
      /** The signer certificate, base64 DER. */
      certificate: z.string().max(8192),
    }))
    .max(5000),
});
export type DccTrustListBody = z.infer<typeof dccTrustListSchema>;

/**
 * One CertLogic business rule, in the EU DCC rule format (the eHealth Network's "Validation Rules"
 * specification): the station evaluates `Logic` with certlogic-js on the certificate.
 */
export const dccBusinessRuleSchema = z.object({
  Identifier: z.string().max(32),
  Type: z.enum(['Acceptance', 'Invalidation']),
  Country: z.string().max(2),
  Version: z.string().regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/),
  SchemaVersion: z.string().max(16),
  Engine: z.literal('CERTLOGIC'),
  EngineVersion: z.string().max(16),
  CertificateType: z.enum(['General', 'Vaccination', 'Test', 'Recovery']),
  Description: z.array(z.object({ lang: z.string().max(8), desc: z.string().max(500) })).min(1).max(10),
  ValidFrom: z.iso.datetime({ offset: true }),
  ValidTo: z.iso.datetime({ offset: true }),
  AffectedFields: z.array(z.string().max(64)).max(50),
  Logic: z.unknown(),
});
export type DccBusinessRule = z.infer<typeof dccBusinessRuleSchema>;

/** GET /v1/reference/dcc-rules: the business rules and the value sets they name. */
export const dccRuleSetSchema = z.object({
  version: z.string().max(64),
  rules: z.array(dccBusinessRuleSchema).max(500),
  /** Value-set name → the codes it holds (`external.valueSets` in the rules). */
  valueSets: z.record(z.string().max(64), z.array(z.string().max(64)).max(5000)),
});
export type DccRuleSet = z.infer<typeof dccRuleSetSchema>;

export const denyListDeltaSchema = z.object({
  version: z.number().int().nonnegative(),
  full: z.boolean(),
  added: z.array(z.object({ idNumber: z.string(), reason: citizenStatusSchema })),
  removed: z.array(z.string()),
});
export type DenyListDelta = z.infer<typeof denyListDeltaSchema>;

export const problemSchema = z.object({ code: z.string(), message: z.string() });

/**
 * Limits of what the station sends, written once: the station checks every request against these
 * schemas before sending it, and tests/central-api/wire-schemas.test.ts holds them equal to
 * central-api/openapi.yaml, so the station never sends what the API would refuse.
 */
export const WIRE_MAX = {
  ...IDENTITY_FIELD_MAX,
  stationId: 64,
  checkpointId: 32,
  laneId: 32,
  codeKind: 32,
  officerId: 64,
  plate: 20,
  note: 500,
  reasons: 32,
  overrideReason: 300,
  batch: 500,
  /** A uuid. */
  passageId: 36,
  /** `yyyy-MM-dd`, the longest partial date. */
  birthDate: 10,
  /** An RFC 3339 date-time with nanoseconds and an offset is 35 characters. */
  dateTime: 40,
} as const;

const verdictEnum = z.enum(['pass', 'check', 'deny', 'invalid']);
const partialIsoDate = z.string().max(WIRE_MAX.birthDate).regex(/^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/);
const dateTime = z.iso.datetime({ offset: true }).max(WIRE_MAX.dateTime);

/** What the station sends to /v1/verify: identity fields or the opaque VNeID token, never the raw payload. */
export const codeForVerificationSchema = z.strictObject({
  kind: z.enum(['chip-card', 'can-cuoc-card', 'copied-card', 'pc-covid', 'bhyt', 'vneid-token', 'paper-declaration']),
  idNumber: z.string().max(WIRE_MAX.idNumber).optional(),
  documentNumber: z.string().max(WIRE_MAX.documentNumber).optional(),
  cardNumber: z.string().max(WIRE_MAX.cardNumber).optional(),
  fullName: z.string().max(WIRE_MAX.fullName).optional(),
  birthDate: partialIsoDate.optional(),
  sex: z.enum(['male', 'female']).optional(),
  token: z.string().max(WIRE_MAX.token).optional(),
});
export type CodeForVerification = z.infer<typeof codeForVerificationSchema>;

export const checkpointContextSchema = z.strictObject({
  checkpointId: z.string().min(1).max(WIRE_MAX.checkpointId),
  laneId: z.string().min(1).max(WIRE_MAX.laneId),
  direction: z.enum(['entry', 'exit', 'both']),
  scannedAt: dateTime,
});
export type CheckpointContext = z.infer<typeof checkpointContextSchema>;

export const verifyRequestSchema = z.strictObject({ code: codeForVerificationSchema, context: checkpointContextSchema });

/** What the station uploads for one passage (no raw payload, ever). */
export const passageUploadSchema = z.strictObject({
  id: z.uuid().max(WIRE_MAX.passageId),
  sequence: z.number().int().min(1),
  stationId: z.string().min(1).max(WIRE_MAX.stationId),
  checkpointId: z.string().min(1).max(WIRE_MAX.checkpointId),
  laneId: z.string().min(1).max(WIRE_MAX.laneId),
  direction: z.enum(['entry', 'exit', 'both']),
  codeKind: z.string().max(WIRE_MAX.codeKind),
  idNumber: z.string().max(WIRE_MAX.idNumber).nullable(),
  fullName: z.string().max(WIRE_MAX.fullName).nullable(),
  birthDate: partialIsoDate.nullable(),
  sex: z.enum(['male', 'female']).nullable(),
  vneidToken: z.string().max(WIRE_MAX.token).nullable(),
  verdict: verdictEnum,
  reasons: z.array(z.string().max(64)).max(WIRE_MAX.reasons),
  verification: z.enum(['online', 'offline']),
  officerId: z.string().max(WIRE_MAX.officerId).nullable(),
  plate: z.string().max(WIRE_MAX.plate).nullable(),
  note: z.string().max(WIRE_MAX.note).nullable(),
  scannedAt: dateTime,
  serverTime: dateTime.nullable(),
  /** Bumped by each amendment: a higher revision replaces the server's copy, the same one is a duplicate. */
  revision: z.number().int().min(0),
  /** The officer's override of the station's verdict, if any. */
  override: z
    .strictObject({
      verdict: verdictEnum,
      reason: z.string().min(3).max(WIRE_MAX.overrideReason),
      officerId: z.string().max(WIRE_MAX.officerId),
      at: dateTime,
    })
    .nullable(),
});
export type PassageUpload = z.infer<typeof passageUploadSchema>;

export const passageBatchSchema = z.strictObject({ passages: z.array(passageUploadSchema).min(1).max(WIRE_MAX.batch) });
