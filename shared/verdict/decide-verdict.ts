import jsonLogic from 'json-logic-js';
import type { CitizenStatus, RuleSet, VerifyResponse } from '../central/schemas';
import type { ClassifiedCode, FieldsOf } from '../codes/schemas';
import type { Verdict, VerdictReason } from '../records/passage';
import type { VerdictInputs } from '../rules/default-rules';

export interface ReferenceData {
  rules: RuleSet;
  /** ID number → why the citizen must not pass. */
  denyList: ReadonlyMap<string, CitizenStatus>;
}

export interface Decision {
  verdict: Verdict;
  /** The deciding rule's reason first, then the code's warnings: all shown to the officer. */
  reasons: VerdictReason[];
  verification: 'online' | 'offline';
  ruleSetVersion: string;
}

/**
 * What became of asking the central API, in the terms the verdict needs. Sorting a failure into
 * one of these is done in one place (electron/core/central/api-errors.ts `onlineCheckAfter`).
 */
export type OnlineCheck =
  | { state: 'answered'; answer: VerifyResponse }
  /** Not asked (offline, nothing to ask), unreachable, too slow, busy or failing: decided from the cache, checked again at sync. */
  | { state: 'unavailable' }
  /** The server refused the check (400/401/403/422) or answered what cannot be read: never a pass. */
  | { state: 'refused'; status: number | null; code: string };

/** Problems that say a card is outside its validity: an ID card past its renewal age, a BHYT card past (or before) its dates. */
const notCurrentlyValid = new Set(['card.expired', 'bhyt.expired', 'bhyt.not-yet-valid']);

/**
 * The ID number a code carries, when it carries a whole one: cards, the paper form, and a PC-Covid
 * code whose document number is not masked. Health-insurance cards and VNeID tokens carry none.
 */
export function identityNumberOf(code: ClassifiedCode): string | null {
  switch (code.kind) {
    case 'chip-card':
    case 'can-cuoc-card':
    case 'copied-card':
    case 'paper-declaration':
      return code.fields.idNumber || null;
    case 'pc-covid':
      return code.fields.documentNumberMasked || code.fields.documentNumber.includes('*') ? null : code.fields.documentNumber || null;
    default:
      return null;
  }
}

export function verdictInputs(code: ClassifiedCode, online: VerifyResponse | null, denyList: ReadonlyMap<string, CitizenStatus>): VerdictInputs {
  const idNumber = identityNumberOf(code);
  const listed = idNumber === null ? undefined : denyList.get(idNumber);
  return {
    code: { kind: code.kind, valid: code.valid, problems: code.problems.map((problem) => problem.code), carriesIdNumber: idNumber !== null },
    online: online === null ? null : { match: online.match, statuses: online.statuses, denyListed: online.denyListed ?? false },
    offline: { denyListed: listed !== undefined, status: listed ?? null },
    card: { expired: code.problems.some((problem) => notCurrentlyValid.has(problem.code)) },
    dcc: { businessRulesFailed: code.kind === 'eu-dcc' && (code.fields.businessRules?.failed.length ?? 0) > 0 },
  };
}

/**
 * The verdict: a pure function of the classified code, what the central API said (if anything), and
 * the cached reference data. Rules are evaluated in order; the first that holds decides, and no
 * matching rule means the officer checks by eye. A code with errors is INVALID whatever the rules
 * say, except that a deny outranks it: a wanted person's damaged card is still a wanted person's
 * card. A refused check is decided from the cache but is never a pass, nor is a VNeID code the
 * backend did not confirm.
 */
export function decideVerdict(code: ClassifiedCode, online: OnlineCheck, reference: ReferenceData): Decision {
  const answer = online.state === 'answered' ? online.answer : null;
  const severity = (level: 'error' | 'warning') => code.problems.filter((problem) => problem.severity === level).map((problem) => ({ code: problem.code }));
  const base = { verification: answer === null ? 'offline' : 'online', ruleSetVersion: reference.rules.version } as const;
  const decided = firstHoldingRule(reference.rules, verdictInputs(code, answer, reference.denyList));
  const refusal: VerdictReason[] = online.state === 'refused' ? [{ code: online.status === 401 ? 'central-unauthorized' : 'central-refused', params: { status: online.status ?? '—', code: online.code } }] : [];
  const summary = certificateSummary(code);
  if (!code.valid) {
    // Served rules are data: whatever they say, a damaged code is never a pass or a check.
    if (decided.verdict === 'deny') return { ...base, verdict: 'deny', reasons: [decided.reason, ...refusal, ...severity('error'), ...severity('warning')] };
    return { ...base, verdict: 'invalid', reasons: severity('error') };
  }
  if (refusal.length > 0 && decided.verdict !== 'deny') return { ...base, verdict: 'check', reasons: [...refusal, decided.reason, ...summary, ...severity('warning')] };
  // A VNeID code is its own proof: one the backend did not confirm is never a pass, whatever a
  // served rule set (perhaps one from before `token-expired` existed) lets through.
  if (code.kind === 'vneid-token' && answer !== null && answer.match !== 'found' && decided.verdict === 'pass') {
    return { ...base, verdict: 'invalid', reasons: [{ code: answer.match === 'token-expired' ? 'vneid-token-expired' : 'vneid-token-not-issued' }] };
  }
  return { ...base, verdict: decided.verdict, reasons: [decided.reason, ...refusal, ...summary, ...severity('warning')] };
}

const MAX_FAILED_RULES_SHOWN = 8;

/** `dd/mm/yyyy` of a certificate's `yyyy-MM-dd…` date (some issuers add a time); anything else as it is. */
function certificateDay(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date.slice(0, 32);
}

/**
 * What a verified vaccine passport says (doses and date, a test's result, a recovery's end) and the
 * business rules it failed, as reasons: shown with the verdict and kept in the record, the only
 * part of the certificate that is.
 */
function certificateSummary(code: ClassifiedCode): VerdictReason[] {
  if (code.kind !== 'eu-dcc') return [];
  // A record keeps at most 32 reasons: a served rule set that fails by the hundred is named by its first few.
  const failedRules = (code.fields.businessRules?.failed ?? []).slice(0, MAX_FAILED_RULES_SHOWN).map(({ rule, description }) => ({ code: 'dcc-rule-failed', params: { rule, description } }));
  return [...summaryReason(code.fields.certificate), ...failedRules];
}

function summaryReason(certificate: FieldsOf<'eu-dcc'>['certificate']): VerdictReason[] {
  switch (certificate?.type) {
    case undefined:
      return [];
    case 'vaccination':
      return [{ code: 'dcc-vaccination', params: { dose: certificate.dose, seriesDoses: certificate.seriesDoses, date: certificateDay(certificate.date) } }];
    case 'test':
      return [{ code: `dcc-test-${certificate.result}`, params: { date: certificateDay(certificate.date) } }];
    case 'recovery':
      return [{ code: 'dcc-recovery', params: { date: certificateDay(certificate.date), validUntil: certificateDay(certificate.validUntil) } }];
  }
}

function firstHoldingRule(rules: RuleSet, inputs: VerdictInputs): { verdict: Verdict; reason: VerdictReason } {
  for (const rule of rules.rules) {
    let holds: boolean;
    try {
      holds = jsonLogic.truthy(jsonLogic.apply(rule.when as jsonLogic.RulesLogic, inputs as unknown as Record<string, unknown>));
    } catch {
      // A rule that cannot be evaluated (bad data from the server) must not let a later rule pass someone.
      return { verdict: 'check', reason: { code: 'rule-error', params: { rule: rule.id } } };
    }
    if (holds) return { verdict: rule.verdict, reason: { code: rule.reason } };
  }
  return { verdict: 'check', reason: { code: 'no-rule-matched' } };
}
