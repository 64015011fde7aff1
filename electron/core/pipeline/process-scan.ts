import { classifyCode } from '../../../shared/codes';
import type { ClassifiedCode } from '../../../shared/codes/schemas';
import type { CodeForVerification, VerifyResponse } from '../../../shared/central/schemas';
import type { Direction } from '../../../shared/contract/status';
import type { PassageDraft } from '../../../shared/records/passage';
import { decideVerdict, type Decision, type ReferenceData } from '../../../shared/verdict/decide-verdict';
import type { ApiClient, CheckpointContext } from '../central/api-client';
import type { RecordOutcome } from '../store/station-store';

export interface ScanInput {
  laneId: string;
  /** The decoded or typed text; or an already classified code (the paper declaration form). */
  code: { raw: string } | { classified: ClassifiedCode };
  plate?: string | null;
}

export interface ScanOutcome {
  code: ClassifiedCode;
  decision: Decision;
  record: RecordOutcome;
}

export interface ScanProcessorOptions {
  checkpoint: { id: string; direction: Direction };
  api(): ApiClient | null;
  reference(): ReferenceData;
  record(draft: PassageDraft): RecordOutcome;
  /** The officer on shift, recorded with every passage; null when nobody is signed in (unattended lanes). */
  officerId(): string | null;
  /** The online answer must arrive within this, or the station decides alone (offline). */
  verifyDeadlineMs: number;
  keepRawPayload: boolean;
}

/**
 * One scan, end to end: classify → verify online within the deadline (or decide offline) →
 * verdict → durable record. The outcome says whether the record reached the disk.
 */
export function createScanProcessor(options: ScanProcessorOptions) {
  return async function processScan(input: ScanInput): Promise<ScanOutcome> {
    const scannedAt = new Date().toISOString();
    const code = 'raw' in input.code ? classifyCode(input.code.raw) : input.code.classified;
    const context: CheckpointContext = { checkpointId: options.checkpoint.id, laneId: input.laneId, direction: options.checkpoint.direction, scannedAt };
    const api = options.api();
    const online = code.valid && api !== null ? await verifyWithinDeadline(api, code, context, options.verifyDeadlineMs) : null;
    const decision = decideVerdict(code, online, options.reference());
    const record = options.record({
      laneId: input.laneId,
      codeKind: code.kind,
      identity: identityFor(code, online),
      rawPayload: 'raw' in input.code && options.keepRawPayload ? input.code.raw : null,
      vneidToken: code.kind === 'vneid-token' && online === null ? code.fields.token : null,
      verdict: decision.verdict,
      reasons: decision.reasons,
      verification: decision.verification,
      officerId: options.officerId(),
      plate: input.plate ?? null,
      note: null,
    });
    return { code, decision, record };
  };
}

async function verifyWithinDeadline(api: ApiClient, code: ClassifiedCode, context: CheckpointContext, deadlineMs: number): Promise<VerifyResponse | null> {
  const request = verificationRequest(code);
  if (request === null) return null;
  try {
    return await api.verify(request, context, deadlineMs);
  } catch {
    // Offline, slow or failing: the station decides alone and marks the verdict offline.
    return null;
  }
}

/** What goes to the central API: identity fields or the opaque token, never the raw payload. */
export function verificationRequest(code: ClassifiedCode): CodeForVerification | null {
  switch (code.kind) {
    case 'chip-card':
    case 'can-cuoc-card':
    case 'copied-card':
    case 'paper-declaration':
      return withoutUndefined<CodeForVerification>({ kind: code.kind, idNumber: code.fields.idNumber, fullName: code.fields.fullName, birthDate: isoBirthDate(code.fields.birthDate), sex: code.fields.sex });
    case 'pc-covid':
      return withoutUndefined<CodeForVerification>({ kind: 'pc-covid', documentNumber: code.fields.documentNumber, fullName: code.fields.fullName, birthDate: isoBirthDate(code.fields.birthDate) });
    case 'bhyt':
      return withoutUndefined<CodeForVerification>({ kind: 'bhyt', cardNumber: code.fields.cardNumber, fullName: code.fields.fullName, birthDate: isoBirthDate(code.fields.birthDate) });
    case 'vneid-token':
      return { kind: 'vneid-token', token: code.fields.token };
    case 'unknown':
      return null;
  }
}

/** The identity the record keeps: from the card, or for a VNeID token from the register's answer. */
function identityFor(code: ClassifiedCode, online: VerifyResponse | null): PassageDraft['identity'] {
  if (code.kind === 'vneid-token' || code.kind === 'unknown') {
    const citizen = online?.citizen;
    return citizen === undefined
      ? { idNumber: null, fullName: null, birthDate: null, sex: null }
      : { idNumber: citizen.idNumber, fullName: citizen.fullName, birthDate: citizen.birthDate, sex: citizen.sex };
  }
  const fields = code.fields;
  return {
    idNumber: 'idNumber' in fields ? fields.idNumber : 'documentNumber' in fields ? fields.documentNumber : fields.cardNumber,
    fullName: fields.fullName,
    birthDate: isoBirthDate(fields.birthDate) ?? null,
    sex: 'sex' in fields && fields.sex !== undefined ? fields.sex : null,
  };
}

/** JSON drops undefined anyway; dropping it here keeps the request exactly what the API documents. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** `yyyy`, `yyyy-MM` or `yyyy-MM-dd`, as precise as the card is. */
function isoBirthDate(date: { year: number; month?: number; day?: number } | undefined): string | undefined {
  if (date === undefined) return undefined;
  const pad = (value: number) => String(value).padStart(2, '0');
  return [String(date.year), date.month === undefined ? null : pad(date.month), date.day === undefined ? null : pad(date.day)].filter((part) => part !== null).join('-');
}
