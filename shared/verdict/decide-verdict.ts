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
 * reference data. Rules are evaluated in order; the first that holds decides. An invalid code is
 * INVALID whatever the rules say, and no matching rule means the officer checks by eye.
 */
export function decideVerdict(code: ClassifiedCode, online: VerifyResponse | null, reference: ReferenceData): Decision {
  const verification = online === null ? 'offline' : 'online';
  const warnings = code.problems.filter((problem) => problem.severity === 'warning').map((problem) => ({ code: problem.code }));
  const base = { verification, ruleSetVersion: reference.rules.version } as const;
  if (!code.valid) {
    return { ...base, verdict: 'invalid', reasons: code.problems.filter((problem) => problem.severity === 'error').map((problem) => ({ code: problem.code })) };
  }
  const inputs = verdictInputs(code, online, reference.denyList) as unknown as Record<string, unknown>;
  for (const rule of reference.rules.rules) {
    let holds: boolean;
    try {
      holds = jsonLogic.truthy(jsonLogic.apply(rule.when as jsonLogic.RulesLogic, inputs));
    } catch {
      // A rule that cannot be evaluated (bad data from the server) must not let a later rule pass someone.
      return { ...base, verdict: 'check', reasons: [{ code: 'rule-error', params: { rule: rule.id } }, ...warnings] };
    }
    if (holds) return { ...base, verdict: rule.verdict, reasons: [{ code: rule.reason }, ...warnings] };
  }
  return { ...base, verdict: 'check', reasons: [{ code: 'no-rule-matched' }, ...warnings] };
}
