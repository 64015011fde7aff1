import { maskIdNumber } from '../../../shared/privacy/mask';
import { ageOn, type ScanResult } from '../../../shared/records/scan-result';
import { vneidChecksOf } from '../../../shared/verdict/vneid-checks';
import type { ScanOutcome } from './process-scan';

/** The verdict panel's view of a scan outcome (least data: the ID number masked). */
export function toScanResult(laneId: string, outcome: ScanOutcome, now: Date): ScanResult {
  const recorded = outcome.record.recorded ? outcome.record.passage : null;
  const identity = recorded?.identity ?? outcome.identity;
  const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10); // Vietnam's calendar
  return {
    laneId,
    scannedAt: recorded?.scannedAt ?? now.toISOString(),
    codeKind: outcome.code.kind,
    verdict: outcome.decision.verdict,
    reasons: outcome.decision.reasons,
    verification: outcome.decision.verification,
    person:
      identity.fullName === null && identity.idNumber === null
        ? null
        : {
            fullName: identity.fullName,
            maskedIdNumber: identity.idNumber === null ? null : maskIdNumber(identity.idNumber),
            age: identity.birthDate === null ? null : ageOn(identity.birthDate, today),
          },
    vneidChecks: outcome.code.kind === 'vneid-token' ? vneidChecksOf(outcome.online) : null,
    passageId: recorded?.id ?? null,
    recordError: outcome.record.recorded ? null : outcome.record.error,
  };
}

/** A scan the pipeline could not carry through (a bug): the officer checks by eye, and it was not recorded. */
export function unprocessedScan(laneId: string, now: Date, error: string): ScanResult {
  return {
    laneId,
    scannedAt: now.toISOString(),
    codeKind: 'unknown',
    verdict: 'check',
    reasons: [{ code: 'scan-failed' }],
    verification: 'offline',
    person: null,
    vneidChecks: null,
    passageId: null,
    recordError: `the scan could not be processed: ${error}`,
  };
}
