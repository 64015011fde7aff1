import { describe, expect, it } from 'vitest';
import { classifyCode } from '../../shared/codes';
import type { CitizenStatus, VerifyResponse } from '../../shared/central/schemas';
import type { Verdict } from '../../shared/records/passage';
import { DEFAULT_RULE_SET } from '../../shared/rules/default-rules';
import { decideVerdict } from '../../shared/verdict/decide-verdict';
import { validateResponse } from '../helpers/openapi-validator';

// The rule set the central API serves, judged only through the station's own engine: a second
// evaluator here could agree with itself and disagree with what officers see.

const now = new Date('2026-11-23T03:00:00.000Z');
const idNumber = '001158024485';
const cardWith = (birthDate: string) => `${idNumber}|110419092|Đinh Thị Huyền|${birthDate}|Nữ|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24042021`;
const codes = {
  card: cardWith('08101958'),
  /** The same card with a birth date no calendar has: an error, but the ID number is readable. */
  damagedCard: cardWith('32131958'),
  /** Born 1958, issued 2016: past the 60-year renewal milestone by 2026. */
  expiredCard: `${idNumber}|110419092|Đinh Thị Huyền|08101958|Nữ|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24042016`,
  token: 'q7Xv2mL9pR4tY8wB1nK6cZ3fH5jD0sGaE_u-WxYz12',
  /** A health-insurance card: name and birth date, no ID number. */
  bhyt: ['HT4010120878811', Buffer.from('Đinh Thị Huyền').toString('hex'), '08/10/1958', '2', Buffer.from('Hà Nội').toString('hex'), '01 - 123', '01/01/2026', '31/12/2026', '01/01/2026', '$'].join('|'),
  /** The same card, whose validity ended on 31/12/2025. */
  expiredBhyt: ['HT4010120878811', Buffer.from('Đinh Thị Huyền').toString('hex'), '08/10/1958', '2', Buffer.from('Hà Nội').toString('hex'), '01 - 123', '01/01/2025', '31/12/2025', '01/01/2025', '$'].join('|'),
  garbage: 'hello world',
};

const answer = (changes: Partial<VerifyResponse> = {}): VerifyResponse => ({ match: 'found', statuses: [], denyListed: false, checkedAt: now.toISOString(), ...changes });

interface Case {
  code: keyof typeof codes;
  online: VerifyResponse | null;
  listed?: CitizenStatus;
  verdict: Verdict;
  reason: string;
}

describe('the default verdict rules', () => {
  it('is a RuleSet of the document, ending in a catch-all pass', () => {
    validateResponse('getRules', 200, DEFAULT_RULE_SET);
    expect(DEFAULT_RULE_SET.rules.at(-1)).toMatchObject({ when: true, verdict: 'pass' });
    expect(new Set(DEFAULT_RULE_SET.rules.map((rule) => rule.id)).size).toBe(DEFAULT_RULE_SET.rules.length);
  });

  it.each<[string, Case]>([
    ['clean, online', { code: 'card', online: answer(), verdict: 'pass', reason: 'clear' }],
    ['deny-listed, online', { code: 'card', online: answer({ denyListed: true }), verdict: 'deny', reason: 'deny-list' }],
    ['wanted, online', { code: 'card', online: answer({ statuses: ['wanted'] }), verdict: 'deny', reason: 'blocking-status' }],
    ['confirmed case among others, online', { code: 'card', online: answer({ statuses: ['quarantine', 'confirmed-case'] }), verdict: 'deny', reason: 'blocking-status' }],
    ['quarantine, online', { code: 'card', online: answer({ statuses: ['quarantine'] }), verdict: 'check', reason: 'quarantine' }],
    ['mismatch', { code: 'card', online: answer({ match: 'mismatch' }), verdict: 'check', reason: 'identity-not-confirmed' }],
    ['not found', { code: 'card', online: answer({ match: 'not-found' }), verdict: 'check', reason: 'identity-not-confirmed' }],
    ['token never issued', { code: 'token', online: answer({ match: 'token-invalid' }), verdict: 'invalid', reason: 'vneid-token-not-issued' }],
    ['token past its minute', { code: 'token', online: answer({ match: 'token-expired' }), verdict: 'invalid', reason: 'vneid-token-expired' }],
    ['garbage', { code: 'garbage', online: null, verdict: 'invalid', reason: 'format.unrecognised' }],
    ['damaged card, not listed', { code: 'damagedCard', online: null, verdict: 'invalid', reason: 'date.invalid' }],
    ['damaged card of a deny-listed person, offline', { code: 'damagedCard', online: null, listed: 'wanted', verdict: 'deny', reason: 'deny-list' }],
    ['damaged card of a person the server denies', { code: 'damagedCard', online: answer({ denyListed: true }), verdict: 'deny', reason: 'deny-list' }],
    ['expired card', { code: 'expiredCard', online: answer(), verdict: 'check', reason: 'card-expired' }],
    ['deny-listed, offline', { code: 'card', online: null, listed: 'wanted', verdict: 'deny', reason: 'deny-list' }],
    ['quarantine on the cached list, offline', { code: 'card', online: null, listed: 'quarantine', verdict: 'deny', reason: 'deny-list' }],
    ['VNeID token, offline', { code: 'token', online: null, verdict: 'check', reason: 'vneid-offline' }],
    ['clean card, offline', { code: 'card', online: null, verdict: 'pass', reason: 'clear' }],
    ['health-insurance card, offline: an identity document is needed', { code: 'bhyt', online: null, verdict: 'check', reason: 'identity-document-required' }],
    ['health-insurance card found clean, online', { code: 'bhyt', online: answer(), verdict: 'pass', reason: 'clear' }],
    ['health-insurance card past its validity, found clean online', { code: 'expiredBhyt', online: answer(), verdict: 'check', reason: 'card-expired' }],
    ['the online answer outranks the cached list', { code: 'card', online: answer(), listed: 'wanted', verdict: 'pass', reason: 'clear' }],
  ])('%s', (_, { code, online, listed, verdict, reason }) => {
    const classified = classifyCode(codes[code], { now });
    const denyList = new Map<string, CitizenStatus>(listed === undefined ? [] : [[idNumber, listed]]);
    const decision = decideVerdict(classified, online === null ? { state: 'unavailable' } : { state: 'answered', answer: online }, { rules: DEFAULT_RULE_SET, denyList });
    expect({ verdict: decision.verdict, reason: decision.reasons[0]?.code }).toEqual({ verdict, reason });
  });
});
