import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, type VerdictInputs } from '../../shared/rules/default-rules';
import { validateResponse } from '../helpers/openapi-validator';

/** What the station's engine does with a rule set: the first rule that holds decides. */
function decide(inputs: VerdictInputs): string | undefined {
  return DEFAULT_RULE_SET.rules.find((rule) => jsonLogic.truthy(jsonLogic.apply(rule.when, inputs)))?.id;
}

const base: VerdictInputs = {
  code: { kind: 'chip-card', valid: true, problems: [] },
  online: { match: 'found', statuses: [], denyListed: false },
  offline: { denyListed: false, status: null },
  card: { expired: false },
};
const online = (changes: Partial<NonNullable<VerdictInputs['online']>>): VerdictInputs => ({ ...base, online: { match: 'found', statuses: [], denyListed: false, ...changes } });
const offline = (changes: Partial<VerdictInputs['offline']>, code: Partial<VerdictInputs['code']> = {}): VerdictInputs => ({
  ...base,
  code: { ...base.code, ...code },
  online: null,
  offline: { ...base.offline, ...changes },
});

describe('the default verdict rules', () => {
  it('is a RuleSet of the document, ending in a catch-all pass', () => {
    validateResponse('getRules', 200, DEFAULT_RULE_SET);
    expect(DEFAULT_RULE_SET.rules.at(-1)).toMatchObject({ when: true, verdict: 'pass' });
    expect(new Set(DEFAULT_RULE_SET.rules.map((rule) => rule.id)).size).toBe(DEFAULT_RULE_SET.rules.length);
  });

  it.each([
    ['clean, online', base, 'clear'],
    ['deny-listed, online', online({ denyListed: true }), 'deny-list'],
    ['wanted, online', online({ statuses: ['wanted'] }), 'blocking-status'],
    ['confirmed case among others, online', online({ statuses: ['quarantine', 'confirmed-case'] }), 'blocking-status'],
    ['quarantine, online', online({ statuses: ['quarantine'] }), 'quarantine'],
    ['mismatch', online({ match: 'mismatch' }), 'identity-not-confirmed'],
    ['not found', online({ match: 'not-found' }), 'identity-not-confirmed'],
    ['token invalid', online({ match: 'token-invalid' }), 'identity-not-confirmed'],
    ['invalid code', { ...base, code: { kind: 'unknown', valid: false, problems: ['format.unrecognised'] } }, 'code-invalid'],
    ['invalid code of a deny-listed ID', { ...online({ denyListed: true }), code: { kind: 'chip-card', valid: false, problems: [] } }, 'deny-list'],
    ['expired card', { ...base, card: { expired: true } }, 'card-expired'],
    ['deny-listed, offline', offline({ denyListed: true, status: 'wanted' }), 'deny-list'],
    ['denied entry on the cached list, offline', offline({ status: 'denied-entry' }), 'blocking-status'],
    ['quarantine, offline', offline({ status: 'quarantine' }), 'quarantine'],
    ['VNeID token, offline', offline({}, { kind: 'vneid-token' }), 'vneid-offline'],
    ['clean card, offline', offline({}), 'clear'],
    ['online answer outranks the cached list', { ...base, offline: { denyListed: true, status: 'wanted' } }, 'clear'],
  ] satisfies [string, VerdictInputs, string][])('%s → %s', (_, inputs, expected) => {
    expect(decide(inputs)).toBe(expected);
  });
});
