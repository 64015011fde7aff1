import { describe, expect, it } from 'vitest';
import { classifyCode } from '../../../shared/codes';
import type { VerifyResponse } from '../../../shared/central/schemas';
import { DEFAULT_RULE_SET } from '../../../shared/rules/default-rules';
import { decideVerdict, type OnlineCheck, type ReferenceData } from '../../../shared/verdict/decide-verdict';

const now = new Date('2026-11-23T03:00:00.000Z');
const card = (id = '001158024485') => classifyCode(`${id}|110419092|Đinh Thị Huyền|08101958|Nữ|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24042021`, { now });
const reference = (denyList: [string, 'wanted' | 'quarantine' | 'denied-entry' | 'confirmed-case'][] = []): ReferenceData => ({ rules: DEFAULT_RULE_SET, denyList: new Map(denyList) });
const online = (answer: Partial<VerifyResponse>): OnlineCheck => ({ state: 'answered', answer: { match: 'found', statuses: [], denyListed: false, checkedAt: now.toISOString(), ...answer } });
const unavailable: OnlineCheck = { state: 'unavailable' };

describe('verdict engine', () => {
  it('passes a valid card found clean online, marked online', () => {
    expect(decideVerdict(card(), online({}), reference())).toMatchObject({ verdict: 'pass', verification: 'online', reasons: [{ code: 'clear' }], ruleSetVersion: 'default-4' });
  });

  it('denies a deny-listed or wanted citizen, online or from the cached list offline', () => {
    expect(decideVerdict(card(), online({ denyListed: true }), reference()).verdict).toBe('deny');
    expect(decideVerdict(card(), online({ statuses: ['wanted'] }), reference())).toMatchObject({ verdict: 'deny', reasons: [{ code: 'blocking-status' }] });
    expect(decideVerdict(card(), unavailable, reference([['001158024485', 'wanted']]))).toMatchObject({ verdict: 'deny', verification: 'offline', reasons: [{ code: 'deny-list' }] });
  });

  it('the online answer is authoritative over the cached list', () => {
    // Taken off the list centrally since the station last synced.
    expect(decideVerdict(card(), online({}), reference([['001158024485', 'wanted']])).verdict).toBe('pass');
  });

  it('asks the officer to check: identity not confirmed, quarantine, VNeID token offline', () => {
    expect(decideVerdict(card(), online({ match: 'mismatch' }), reference())).toMatchObject({ verdict: 'check', reasons: [{ code: 'identity-not-confirmed' }] });
    expect(decideVerdict(card(), online({ statuses: ['quarantine'] }), reference()).verdict).toBe('check');
    const token = classifyCode('q7Xv2mL9pR4tY8wB1nK6cZ3fH5jD0sGaE_u-WxYz12', { now });
    expect(token.kind).toBe('vneid-token');
    expect(decideVerdict(token, unavailable, reference())).toMatchObject({ verdict: 'check', verification: 'offline', reasons: [{ code: 'vneid-offline' }] });
  });

  it('refuses a VNeID token the backend never issued, or one past its minute', () => {
    const token = classifyCode('q7Xv2mL9pR4tY8wB1nK6cZ3fH5jD0sGaE_u-WxYz12', { now });
    expect(decideVerdict(token, online({ match: 'token-invalid' }), reference())).toMatchObject({ verdict: 'invalid', reasons: [{ code: 'vneid-token-not-issued' }] });
    expect(decideVerdict(token, online({ match: 'token-expired' }), reference())).toMatchObject({ verdict: 'invalid', reasons: [{ code: 'vneid-token-expired' }] });
  });

  it('never passes a VNeID token the backend did not confirm, even under served rules that would (a set from before token-expired)', () => {
    const token = classifyCode('q7Xv2mL9pR4tY8wB1nK6cZ3fH5jD0sGaE_u-WxYz12', { now });
    const older: ReferenceData = { ...reference(), rules: { version: 'served-3', rules: [{ id: 'identity-not-confirmed', when: { in: [{ var: 'online.match' }, ['mismatch', 'not-found', 'token-invalid']] }, verdict: 'check', reason: 'identity-not-confirmed' }, { id: 'clear', when: true, verdict: 'pass', reason: 'clear' }] } };
    expect(decideVerdict(token, online({ match: 'token-expired' }), older)).toMatchObject({ verdict: 'invalid', reasons: [{ code: 'vneid-token-expired' }] });
    expect(decideVerdict(token, online({ match: 'token-invalid' }), older)).toMatchObject({ verdict: 'check', reasons: [{ code: 'identity-not-confirmed' }] });
    expect(decideVerdict(token, online({ match: 'found' }), older).verdict).toBe('pass');
  });

  it('is INVALID for a code with errors, whatever the rules, with the problems as reasons', () => {
    const garbage = classifyCode('hello world', { now });
    expect(decideVerdict(garbage, unavailable, reference())).toMatchObject({ verdict: 'invalid', reasons: [{ code: 'format.unrecognised' }] });
    const allPass: ReferenceData = { rules: { version: 'lax', rules: [{ id: 'all', when: true, verdict: 'pass', reason: 'all' }] }, denyList: new Map() };
    expect(decideVerdict(garbage, unavailable, allPass).verdict).toBe('invalid');
  });

  it('carries the code’s warnings to the officer after the deciding reason', () => {
    const copied = classifyCode('001158024485|Đinh Thị Huyền|08/10/1958|Nữ|Hà Nội|24/04/2021', { now });
    const decision = decideVerdict(copied, online({}), reference());
    expect(decision.reasons[0]).toEqual({ code: 'clear' });
    expect(decision.reasons.map((reason) => reason.code)).toContain('card.not-from-card');
  });

  it('a check the central server refused is decided from the cache but never passes, and says why', () => {
    const refused: OnlineCheck = { state: 'refused', status: 400, code: 'invalid_request' };
    expect(decideVerdict(card(), refused, reference())).toMatchObject({
      verdict: 'check',
      verification: 'offline',
      reasons: [{ code: 'central-refused', params: { status: 400, code: 'invalid_request' } }, { code: 'clear' }],
    });
    expect(decideVerdict(card(), { state: 'refused', status: 401, code: 'unauthorized' }, reference()).reasons[0]).toEqual({ code: 'central-unauthorized', params: { status: 401, code: 'unauthorized' } });
    // The cached deny list still stops a wanted person, refused or not.
    expect(decideVerdict(card(), refused, reference([['001158024485', 'wanted']]))).toMatchObject({ verdict: 'deny', reasons: [{ code: 'deny-list' }, { code: 'central-refused' }] });
  });

  it('applies the cached deny list to every code that carries a whole ID number', () => {
    const listed = reference([['001158024485', 'wanted']]);
    const pcCovid = classifyCode('001158024485|DINH THI HUYEN|1958-10-08|1|5e3f0c2a-qid|ext', { now });
    expect(pcCovid.kind).toBe('pc-covid');
    expect(decideVerdict(pcCovid, unavailable, listed)).toMatchObject({ verdict: 'deny', reasons: [{ code: 'deny-list' }] });
    // Masked, the number cannot be searched: not a pass on its own offline.
    const masked = classifyCode('0011****4485|DINH THI HUYEN|1958-10-08|1|5e3f0c2a-qid|ext', { now });
    expect(decideVerdict(masked, unavailable, listed)).toMatchObject({ verdict: 'check', reasons: [{ code: 'identity-document-required' }] });
    const copied = classifyCode('001158024485|Đinh Thị Huyền|08/10/1958|Nữ|Hà Nội|24/04/2021', { now });
    expect(decideVerdict(copied, unavailable, listed).verdict).toBe('deny');
  });

  it('never lets a broken or empty rule set pass anyone', () => {
    const broken: ReferenceData = {
      rules: { version: 'broken', rules: [{ id: 'bad', when: { frobnicate: [1] }, verdict: 'deny', reason: 'x' }, { id: 'all', when: true, verdict: 'pass', reason: 'all' }] },
      denyList: new Map(),
    };
    expect(decideVerdict(card(), online({}), broken)).toMatchObject({ verdict: 'check', reasons: [{ code: 'rule-error', params: { rule: 'bad' } }] });
    expect(decideVerdict(card(), online({}), { rules: { version: 'empty', rules: [] }, denyList: new Map() })).toMatchObject({ verdict: 'check', reasons: [{ code: 'no-rule-matched' }] });
  });
});
