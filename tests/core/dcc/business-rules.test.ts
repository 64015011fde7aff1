// The vaccine-passport business rules: the reference server's own CertLogic rules, evaluated by
// certlogic-js through the station's reader, and combined with the station's verdict rules.

import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DCC_RULES } from '../../../central-api/dcc/business-rules';
import type { DccBusinessRule, DccRuleSet } from '../../../shared/central/schemas';
import { classifyCode, type ClassifiedCode } from '../../../shared/codes';
import { DEFAULT_RULE_SET } from '../../../shared/rules/default-rules';
import { decideVerdict } from '../../../shared/verdict/decide-verdict';
import { createEuDccReader } from '../../../electron/core/dcc/read-eu-dcc';
import { trustListOf } from '../../../electron/core/dcc/trust-list';
import { makeDcc, makeSigner, VACCINATED, type DccOptions, type TestSigner } from '../../helpers/dcc-fixtures';

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
let signer: TestSigner;
beforeAll(async () => {
  signer = await makeSigner();
});

function read(options: DccOptions, rules: DccRuleSet = REFERENCE_DCC_RULES): ClassifiedCode {
  return classifyCode(makeDcc(signer, options), { readEuDcc: createEuDccReader(() => trustListOf([signer.certificate]), () => rules) });
}
const failedRules = (code: ClassifiedCode) => (code.kind === 'eu-dcc' ? (code.fields.businessRules?.failed ?? []).map((failure) => failure.rule) : null);
const decide = (code: ClassifiedCode) => decideVerdict(code, { state: 'unavailable' }, { rules: DEFAULT_RULE_SET, denyList: new Map() });

describe('the reference business rules', () => {
  it('pass a complete, recognised vaccination given weeks ago: the verdict is the identity check alone', () => {
    const code = read({});
    expect(code.valid).toBe(true);
    expect(failedRules(code)).toEqual([]);
    expect(decide(code).reasons.map((reason) => reason.code)).toEqual(['dcc-identity-document', 'dcc-vaccination']);
  });

  it.each([
    ['an incomplete course', { ...VACCINATED, dose: 1, seriesDoses: 2 }, ['VR-VN-0001']],
    ['a last dose 3 days ago', { ...VACCINATED, date: isoDay(-3) }, ['VR-VN-0002']],
    ['a positive test', { ...VACCINATED, type: 'test', sampledAt: new Date(Date.now() - 3_600_000).toISOString(), detected: true }, ['TR-VN-0000']],
    ['a test 4 days old', { ...VACCINATED, type: 'test', sampledAt: new Date(Date.now() - 4 * DAY).toISOString(), detected: false }, ['TR-VN-0001']],
    ['a recovery past its end', { ...VACCINATED, type: 'recovery', firstPositive: isoDay(-200), validFrom: isoDay(-189), validUntil: isoDay(-20) }, ['RR-VN-0000']],
  ] as const)('fail %s, and the officer is asked to check, told which rule', (_, request, expected) => {
    const code = read({ request });
    expect(code.valid).toBe(true);
    expect(failedRules(code)).toEqual(expected);
    const decision = decide(code);
    expect(decision.verdict).toBe('check');
    expect(decision.reasons[0]).toEqual({ code: 'dcc-business-rules' });
    expect(decision.reasons).toContainEqual({ code: 'dcc-rule-failed', params: { rule: expected[0], description: expect.any(String) } });
  });

  it('fail a vaccine outside the served value set', () => {
    const certificate = { ver: '1.3.0', nam: { fn: 'Đỗ', fnt: 'DO', gn: 'An', gnt: 'AN' }, dob: '1980', v: [{ tg: '840539006', vp: 'J07BX03', mp: 'UNKNOWN-VACCINE', ma: 'ORG-1', dn: 2, sd: 2, dt: '2021-06-01', co: 'VN', is: 'x', ci: 'URN:UVCI:01:VN:X' }] };
    expect(failedRules(read({ certificate }))).toEqual(['VR-VN-0000']);
  });
});

describe('which served rules apply', () => {
  const base = REFERENCE_DCC_RULES.rules.find((rule) => rule.Identifier === 'VR-VN-0001')!;
  const failing = (changes: Partial<DccBusinessRule>): DccBusinessRule => ({ ...base, Identifier: 'XX-TEST-0001', Logic: false, ...changes });
  const withRules = (...rules: DccBusinessRule[]): DccRuleSet => ({ ...REFERENCE_DCC_RULES, rules });

  it('acceptance rules of Vietnam and invalidation rules of the issuing country, of the type or General, in force', () => {
    expect(failedRules(read({}, withRules(failing({ Country: 'DE' }))))).toEqual([]);
    expect(failedRules(read({}, withRules(failing({ Type: 'Invalidation', Country: 'VN' }))))).toEqual(['XX-TEST-0001']);
    expect(failedRules(read({}, withRules(failing({ Type: 'Invalidation', Country: 'FR' }))))).toEqual([]);
    expect(failedRules(read({}, withRules(failing({ CertificateType: 'Test' }))))).toEqual([]);
    expect(failedRules(read({}, withRules(failing({ CertificateType: 'General' }))))).toEqual(['XX-TEST-0001']);
    expect(failedRules(read({}, withRules(failing({ ValidFrom: new Date(Date.now() + DAY).toISOString() }))))).toEqual([]);
  });

  it('the newest version of a rule, whatever the order served', () => {
    const old = failing({ Version: '1.0.0' });
    const fixed = failing({ Version: '1.2.0', Logic: true });
    expect(failedRules(read({}, withRules(old, fixed)))).toEqual([]);
    expect(failedRules(read({}, withRules(fixed, { ...old, Version: '1.10.0' })))).toEqual(['XX-TEST-0001']);
  });

  it('a rule that cannot be evaluated counts as failed, and hundreds of failures stay within a record', () => {
    expect(failedRules(read({}, withRules(failing({ Logic: { 'no-such-operator': [1] } }))))).toEqual(['XX-TEST-0001']);
    const many = withRules(...Array.from({ length: 300 }, (_, index) => failing({ Identifier: `XX-${index}` })));
    const decision = decide(read({}, many));
    expect(decision.verdict).toBe('check');
    expect(decision.reasons.length).toBeLessThanOrEqual(32);
  });
});
