// TypeScript views of the wire shapes in openapi.yaml. Validation is done by the document itself
// (see openapi.ts); these types only let handlers be type-checked against what it guarantees.

import type { CitizenStatus, IdentityMatch } from '../shared/rules/default-rules';

export type { CitizenStatus, IdentityMatch };
// The shapes the station sends and reads exactly as the server does: one definition for both.
export type { CodeForVerification, DenyListDelta, PassageUpload, RetroCheck } from '../shared/central/schemas';
import type { CodeForVerification, RetroCheck } from '../shared/central/schemas';
export type Sex = 'male' | 'female';
export type Direction = 'entry' | 'exit' | 'both';

export interface Citizen {
  idNumber: string;
  fullName: string;
  /** yyyy-MM-dd */
  birthDate: string;
  sex: Sex;
}


export interface VerifyRequest {
  code: CodeForVerification;
  context: { checkpointId: string; laneId: string; direction: Direction; scannedAt: string };
}

export interface VerifyResponse {
  match: IdentityMatch;
  citizen?: Citizen;
  statuses: CitizenStatus[];
  denyListed: boolean;
  checkedAt: string;
}


export interface PassageResult {
  id: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  reason?: string;
  retroCheck?: RetroCheck;
}


export type FaultKind = 'latency' | 'error-500' | 'rate-limit-429' | 'reset' | 'slow-body' | 'refuse' | 'unreadable';

export interface FaultPlan {
  seed?: number;
  faults: { kind: FaultKind; probability: number; paths?: string[]; latencyMs?: number; retryAfterSeconds?: number; status?: 400 | 401 | 403 | 422 }[];
}
