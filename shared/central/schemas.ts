import { z } from 'zod';

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
  match: z.enum(['found', 'mismatch', 'not-found', 'token-invalid']),
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
  tokenVerification: z
    .object({ genuine: z.boolean(), denied: z.boolean(), citizen: citizenSchema.optional() })
    .optional(),
});
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

export const denyListDeltaSchema = z.object({
  version: z.number().int().nonnegative(),
  full: z.boolean(),
  added: z.array(z.object({ idNumber: z.string(), reason: citizenStatusSchema })),
  removed: z.array(z.string()),
});
export type DenyListDelta = z.infer<typeof denyListDeltaSchema>;

export const problemSchema = z.object({ code: z.string(), message: z.string() });

/** What the station uploads for one passage (no raw payload, ever). */
export interface PassageUpload {
  id: string;
  sequence: number;
  stationId: string;
  checkpointId: string;
  laneId: string;
  direction: 'entry' | 'exit' | 'both';
  codeKind: string;
  idNumber: string | null;
  fullName: string | null;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  vneidToken: string | null;
  verdict: 'pass' | 'check' | 'deny' | 'invalid';
  reasons: string[];
  verification: 'online' | 'offline';
  officerId: string | null;
  plate: string | null;
  note: string | null;
  scannedAt: string;
  serverTime: string | null;
  /** Bumped by each amendment: a higher revision replaces the server's copy, the same one is a duplicate. */
  revision: number;
  /** The officer's override of the station's verdict, if any. */
  override: { verdict: 'pass' | 'check' | 'deny' | 'invalid'; reason: string; officerId: string; at: string } | null;
}

/** What the station sends to /v1/verify: identity fields or the opaque VNeID token, never the raw payload. */
export interface CodeForVerification {
  kind: 'chip-card' | 'can-cuoc-card' | 'copied-card' | 'pc-covid' | 'bhyt' | 'vneid-token' | 'paper-declaration';
  idNumber?: string;
  documentNumber?: string;
  cardNumber?: string;
  fullName?: string;
  birthDate?: string;
  sex?: 'male' | 'female';
  token?: string;
}
