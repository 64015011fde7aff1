// The vaccine-passport business rules (CertLogic, the EU DCC rule format) served by the central
// API, evaluated with the official certlogic-js on a certificate whose signature and schema hold.
// Which rules apply follows the rule format: acceptance rules of the checking country and
// invalidation rules of the issuing one, of the certificate's type or General, valid at the clock,
// the newest version of each. A rule that cannot be evaluated counts as failed.

import { evaluate } from 'certlogic-js';
import type { DccBusinessRule, DccRuleSet } from '../../../shared/central/schemas';
import type { CertificateType } from '../../../shared/codes/formats/eu-dcc';
import type { FieldsOf } from '../../../shared/codes/schemas';

/** The checkpoints are Vietnam's. */
export const CHECKING_COUNTRY = 'VN';

const RULE_TYPE: Record<CertificateType, DccBusinessRule['CertificateType']> = { vaccination: 'Vaccination', test: 'Test', recovery: 'Recovery' };

export interface RuleContext {
  now: Date;
  type: CertificateType;
  issuer: string | null;
  issuedAt: string;
  expiresAt: string;
}

const versionParts = (version: string) => version.split('.').map(Number);
const newer = (a: string, b: string) => {
  const [x, y] = [versionParts(a), versionParts(b)];
  return (x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!) > 0;
};

export function applicableRules(set: DccRuleSet, context: RuleContext): DccBusinessRule[] {
  const newest = new Map<string, DccBusinessRule>();
  for (const rule of set.rules) {
    const country = rule.Type === 'Acceptance' ? CHECKING_COUNTRY : context.issuer;
    const inForce = Date.parse(rule.ValidFrom) <= context.now.getTime() && context.now.getTime() <= Date.parse(rule.ValidTo);
    const forType = rule.CertificateType === 'General' || rule.CertificateType === RULE_TYPE[context.type];
    if (rule.Country !== country || !inForce || !forType) continue;
    const held = newest.get(rule.Identifier);
    if (held === undefined || newer(rule.Version, held.Version)) newest.set(rule.Identifier, rule);
  }
  return [...newest.values()];
}

export function checkBusinessRules(set: DccRuleSet, certificate: unknown, context: RuleContext): NonNullable<FieldsOf<'eu-dcc'>['businessRules']> {
  const external = {
    validationClock: context.now.toISOString(),
    valueSets: set.valueSets,
    countryCode: CHECKING_COUNTRY,
    exp: context.expiresAt,
    iat: context.issuedAt,
    issuerCountryCode: context.issuer ?? '',
  };
  const failed = applicableRules(set, context).filter((rule) => {
    try {
      return evaluate(rule.Logic as Parameters<typeof evaluate>[0], { payload: certificate, external }) !== true;
    } catch {
      return true;
    }
  });
  return {
    version: set.version,
    failed: failed.map((rule) => ({ rule: rule.Identifier, description: (rule.Description.find((entry) => entry.lang === 'vi') ?? rule.Description[0]!).desc })),
  };
}
