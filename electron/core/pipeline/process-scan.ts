import type { ClassifiedCode } from '../../../shared/codes/schemas';
import type { CheckpointContext, CodeForVerification, VerifyResponse } from '../../../shared/central/schemas';
import type { Direction } from '../../../shared/contract/status';
import type { PassageDraft } from '../../../shared/records/passage';
import type { ScanResult } from '../../../shared/records/scan-result';
import { decideVerdict, type Decision, type OnlineCheck, type ReferenceData } from '../../../shared/verdict/decide-verdict';
import type { ApiClient } from '../central/api-client';
import { onlineCheckAfter } from '../central/api-errors';
import type { Logger } from '../logging/logger';
import type { RecordOutcome } from '../store/station-store';
import { toScanResult, unprocessedScan } from './scan-result';

export interface ScanInput {
  laneId: string;
  /** The decoded or typed text; or an already classified code (the paper declaration form). */
  code: { raw: string } | { classified: ClassifiedCode };
  plate?: string | null;
  /** The app window's id for this sighting (its report id): recorded with the passage, so a retry makes no second one. */
  sightingId?: string | null;
}

export interface ScanOutcome {
  code: ClassifiedCode;
  decision: Decision;
  /** Who the code names, recorded or not: the officer must see whose passage was NOT RECORDED. */
  identity: PassageDraft['identity'];
  online: OnlineCheck;
  record: RecordOutcome;
}

export interface ScanPipelineOptions {
  checkpoint: { id: string; direction: Direction };
  /** The station's classifier (classifyCode with its vaccine-passport reader). */
  classify(raw: string): ClassifiedCode;
  /** null when the station is not enrolled or known to be offline: decided at once from the cache. */
  api(): ApiClient | null;
  reference(): ReferenceData;
  record(draft: PassageDraft, sightingId: string | null): RecordOutcome;
  /** The officer on shift, recorded with every passage; null when nobody is signed in (unattended lanes). */
  officerId(): string | null;
  /** The online answer must arrive within this, or the station decides alone (offline). */
  verifyDeadlineMs: number;
  keepRawPayload: boolean;
  /** Every scan's result, recorded or not: the verdict panel's `scan` event. */
  publish(result: ScanResult): void;
  /** What the central API made of the check, for the station's status (a refusal is shown). */
  onOnlineCheck(check: OnlineCheck): void;
  logger: Logger;
}

/**
 * One scan, end to end: classify → verify online within the deadline (or decide from the cache) →
 * verdict → durable record → the officer's result, published. Never throws: whatever goes wrong,
 * the officer sees a result that says so, and it is never a pass.
 */
export function createScanPipeline(options: ScanPipelineOptions): (input: ScanInput) => Promise<ScanResult> {
  const log = options.logger.child({ scope: 'pipeline' });
  return async function processScan(input) {
    let result: ScanResult;
    try {
      result = toScanResult(input.laneId, await runScan(input), new Date());
    } catch (error) {
      log.error({ laneId: input.laneId, err: error }, 'scan could not be processed');
      result = unprocessedScan(input.laneId, new Date(), error instanceof Error ? error.message : String(error));
    }
    options.publish(result);
    return result;
  };

  async function runScan(input: ScanInput): Promise<ScanOutcome> {
    const scannedAt = new Date().toISOString();
    const code = 'raw' in input.code ? options.classify(input.code.raw) : input.code.classified;
    const context: CheckpointContext = { checkpointId: options.checkpoint.id, laneId: input.laneId, direction: options.checkpoint.direction, scannedAt };
    const online = await verifyOnline(options.api(), code, context, options.verifyDeadlineMs);
    options.onOnlineCheck(online);
    if (online.state === 'refused') log.warn({ laneId: input.laneId, status: online.status, code: online.code }, 'the central server refused an online check');
    const decision = decideVerdict(code, online, options.reference());
    const answer = online.state === 'answered' ? online.answer : null;
    const identity = identityFor(code, answer);
    const record = options.record({
      laneId: input.laneId,
      codeKind: code.kind,
      identity,
      // A vaccine passport's text holds the whole certificate, its identifier too: never kept.
      rawPayload: 'raw' in input.code && options.keepRawPayload && code.kind !== 'eu-dcc' ? input.code.raw : null,
      vneidToken: code.kind === 'vneid-token' && answer === null ? code.fields.token : null,
      verdict: decision.verdict,
      reasons: decision.reasons,
      verification: decision.verification,
      officerId: options.officerId(),
      plate: input.plate ?? null,
      note: null,
    }, input.sightingId ?? null);
    return { code, decision, identity, online, record };
  }
}

async function verifyOnline(api: ApiClient | null, code: ClassifiedCode, context: CheckpointContext, deadlineMs: number): Promise<OnlineCheck> {
  const request = verificationRequest(code);
  if (api === null || request === null) return { state: 'unavailable' };
  try {
    return { state: 'answered', answer: await api.verify(request, context, deadlineMs) };
  } catch (error) {
    return onlineCheckAfter(error);
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
    // A vaccine passport is verified offline by its signature; it names no one the register could look up.
    case 'eu-dcc':
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
  if (code.kind === 'eu-dcc') {
    return { idNumber: null, fullName: code.fields.fullName ?? null, birthDate: isoBirthDate(code.fields.birthDate) ?? null, sex: null };
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
