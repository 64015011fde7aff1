import jsonLogic from 'json-logic-js';
import type { CitizenStatus, RuleSet, VerifyResponse } from '../central/schemas';
import type { ClassifiedCode } from '../codes/schemas';
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

/** The ID number a code names, when it names one the register knows. */
export function identityNumberOf(code: ClassifiedCode): string | null {
  switch (code.kind) {
    case 'chip-card':
    case 'can-cuoc-card':
    case 'copied-card':
    case 'paper-declaration':
      return code.fields.idNumber ?? null;
    default:
      return null;
  }
}

export function verdictInputs(code: ClassifiedCode, online: VerifyResponse | null, denyList: ReadonlyMap<string, CitizenStatus>): VerdictInputs {
  const idNumber = identityNumberOf(code);
  const listed = idNumber === null ? undefined : denyList.get(idNumber);
  return {
    code: { kind: code.kind, valid: code.valid, problems: code.problems.map((problem) => problem.code) },
    online: online === null ? null : { match: online.match, statuses: online.statuses, denyListed: online.denyListed ?? false },
    offline: { denyListed: listed !== undefined, status: listed ?? null },
    card: { expired: code.problems.some((problem) => problem.code === 'card.expired') },
  };
}

/**
 * The verdict: a pure function of the classified code, the online answer (if any), the cached
 * reference data. Rules are evaluated in order; the first that holds decides, and no matching rule
 * means the officer checks by eye. A code with errors is INVALID whatever the rules say, except
 * that a deny outranks it: a wanted person's damaged card is still a wanted person's card.
 */
export function decideVerdict(code: ClassifiedCode, online: VerifyResponse | null, reference: ReferenceData): Decision {
  const verification = online === null ? 'offline' : 'online';
  const severity = (level: 'error' | 'warning') => code.problems.filter((problem) => problem.severity === level).map((problem) => ({ code: problem.code }));
  const base = { verification, ruleSetVersion: reference.rules.version } as const;
  const decided = firstHoldingRule(reference.rules, verdictInputs(code, online, reference.denyList));
  if (code.valid) return { ...base, verdict: decided.verdict, reasons: [decided.reason, ...severity('warning')] };
  // Served rules are data: whatever they say, a damaged code is never a pass or a check.
  if (decided.verdict === 'deny') return { ...base, verdict: 'deny', reasons: [decided.reason, ...severity('error'), ...severity('warning')] };
  return { ...base, verdict: 'invalid', reasons: severity('error') };
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
