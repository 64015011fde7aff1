// The simulated VNeID app's account backend, through the real server: registration checked against
// the register, the SMS code's expiry, re-sending and wrong tries, the password rules, sign-in and
// its lock-out, sessions, and identity QR tokens only for a signed-in citizen.

import { describe, expect, it } from 'vitest';
import { findCitizens } from '../../central-api';
import type { Citizen } from '../../central-api/api-types';
import { lastOtpSentTo, phoneOf, sessionCookieOf, TEST_PASSWORD } from '../helpers/citizen-app';
import { readValidated } from '../helpers/openapi-validator';
import { startTestApi } from './fixture';

let clock = new Date('2026-06-01T08:00:00Z');
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const api = await startTestApi({ now: () => clock });
const citizens = findCitizens(api.db, { limit: 20 }).map(({ idNumber, fullName, birthDate, sex, phone }) => ({ idNumber, fullName, birthDate, sex, phone }));
let next = 0;
/** A citizen of the register no other test has registered, with the phone subscribed in their name. */
const freshCitizen = () => citizens[next++]!;
type Entry = ReturnType<typeof freshCitizen>;
const cardOf = ({ idNumber, fullName, birthDate, sex }: Entry): Citizen => ({ idNumber, fullName, birthDate, sex });

type Problem = { code: string; attemptsLeft?: number; retryAt?: string; lockedUntil?: string; brokenRules?: string[] };

async function call<T>(operationId: string, path: string, body?: unknown, cookie?: string): Promise<{ status: number; body: T; response: Response }> {
  const response = await api.request(path, { method: 'POST', ...(body !== undefined && { body }), headers: cookie === undefined ? {} : { cookie } });
  const copy = response.clone();
  return { status: response.status, body: response.status === 204 ? (undefined as T) : await readValidated<T>(operationId, response), response: copy };
}

const start = (citizen: Entry, overrides: Record<string, unknown> = {}) =>
  call<{ registrationId: string; phone: string; otpExpiresAt: string; resendAfter: string; resendsLeft: number } & Problem>('startCitizenRegistration', '/citizen/api/registrations', {
    ...cardOf(citizen),
    phone: phoneOf(citizen),
    ...overrides,
  });
const confirm = (registrationId: string, otp: string) => call<Problem>('confirmCitizenOtp', '/citizen/api/registrations/otp', { registrationId, otp });
const resend = (registrationId: string) => call<{ resendsLeft: number } & Problem>('resendCitizenOtp', '/citizen/api/registrations/resend', { registrationId });
const choosePassword = (registrationId: string, password: string) => call<{ expiresAt: string } & Problem>('completeCitizenRegistration', '/citizen/api/registrations/password', { registrationId, password });
const signIn = (idNumber: string, password: string) => call<{ expiresAt: string } & Problem>('citizenSignIn', '/citizen/api/sessions', { idNumber, password });
const wrongOtp = (otp: string) => (otp === '000000' ? '000001' : '000000');

/** Registered and signed in: the session cookie. */
async function registered(citizen: Entry): Promise<string> {
  const { body } = await start(citizen);
  expect((await confirm(body.registrationId, await lastOtpSentTo(api.url, phoneOf(citizen)))).status).toBe(204);
  const done = await choosePassword(body.registrationId, TEST_PASSWORD);
  expect(done.status).toBe(201);
  return sessionCookieOf(done.response);
}

describe('registration', () => {
  it('checks every card field against the register; an unknown ID number gets the same answer as wrong details', async () => {
    const citizen = freshCitizen();
    const answers = await Promise.all([
      start(citizen, { fullName: 'Người Khác Hẳn' }),
      start(citizen, { birthDate: '1901-01-01' }),
      start(citizen, { sex: citizen.sex === 'male' ? 'female' : 'male' }),
      start({ ...citizen, idNumber: '001099999999' }),
      // Someone else's phone: a card's details alone must not register its holder to another SIM.
      start(citizen, { phone: phoneOf(citizens.at(-1)!) }),
      start(citizen, { phone: '0912000000' }),
    ]);
    for (const answer of answers) expect(answer).toMatchObject({ status: 422, body: answers[0]!.body });
    expect(answers[0]!.body).toEqual({ code: 'details-mismatch', message: 'the details do not match the national population register' });
    for (const phone of [phoneOf(citizen), phoneOf(citizens.at(-1)!), '0912000000']) expect(await (await fetch(`${api.url}/admin/sms-outbox?phone=${phone}`)).json()).toEqual([]);
    // Names agree with diacritics and case folded, as a typed name would differ.
    const typed = await start(citizen, { fullName: citizen.fullName.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase() });
    expect(typed.status).toBe(201);
    expect(typed.body.phone).toBe(`${phoneOf(citizen).slice(0, 3)}*****${phoneOf(citizen).slice(-2)}`);
  });

  it('sends a 6-digit code valid for 3 minutes, kept only as a hash; a right code after that has expired', async () => {
    const citizen = freshCitizen();
    const { body } = await start(citizen);
    expect(Date.parse(body.otpExpiresAt) - clock.getTime()).toBe(180_000);
    const otp = await lastOtpSentTo(api.url, phoneOf(citizen));
    expect(otp).toMatch(/^\d{6}$/);
    const stored = JSON.stringify(api.db.prepare('SELECT * FROM citizen_registrations').all());
    expect(stored).not.toContain(otp);
    expect(stored).not.toContain(body.registrationId);
    advance(180_001);
    expect((await confirm(body.registrationId, otp)).body).toMatchObject({ code: 'otp-expired' });
    // The password step is not open until a code is confirmed.
    expect((await choosePassword(body.registrationId, TEST_PASSWORD)).body).toMatchObject({ code: 'otp-not-confirmed' });
  });

  it('re-sends a new code (the old one stops working) no sooner than 30 s after the last, at most 3 times', async () => {
    const citizen = freshCitizen();
    const phone = phoneOf(citizen);
    const { body } = await start(citizen);
    const first = await lastOtpSentTo(api.url, phone);
    const early = await resend(body.registrationId);
    expect(early).toMatchObject({ status: 409, body: { code: 'resend-too-soon', retryAt: body.resendAfter } });
    const codes = [first];
    for (const left of [2, 1, 0]) {
      advance(30_000);
      const again = await resend(body.registrationId);
      expect(again).toMatchObject({ status: 200, body: { resendsLeft: left } });
      codes.push(await lastOtpSentTo(api.url, phone));
    }
    advance(30_000);
    expect((await resend(body.registrationId)).body).toMatchObject({ code: 'no-more-resends' });
    const messages = (await (await fetch(`${api.url}/admin/sms-outbox?phone=${phone}`)).json()) as { text: string }[];
    expect(messages).toHaveLength(4);
    expect(messages[0]!.text).toContain('có hiệu lực trong 3 phút');
    // An earlier code is no longer the code (unless the draw repeated it).
    if (first !== codes.at(-1)) expect((await confirm(body.registrationId, first)).body).toMatchObject({ code: 'otp-wrong', attemptsLeft: 4 });
    expect((await confirm(body.registrationId, codes.at(-1)!)).status).toBe(204);
    expect((await resend(body.registrationId)).body).toMatchObject({ code: 'already-confirmed' });
    // Once confirmed, no code is "right" any more, not even this one.
    expect(await confirm(body.registrationId, codes.at(-1)!)).toMatchObject({ status: 409, body: { code: 'already-confirmed' } });
    expect(await confirm(body.registrationId, wrongOtp(codes.at(-1)!))).toMatchObject({ status: 409, body: { code: 'already-confirmed' } });
  });

  it('counts wrong codes across re-sends and after expiry; a new registration replaces the one in progress', async () => {
    const citizen = freshCitizen();
    const { body } = await start(citizen);
    const otp = await lastOtpSentTo(api.url, phoneOf(citizen));
    expect((await confirm(body.registrationId, wrongOtp(otp))).body).toMatchObject({ attemptsLeft: 4 });
    advance(30_000);
    await resend(body.registrationId);
    const second = await lastOtpSentTo(api.url, phoneOf(citizen));
    await Promise.all([confirm(body.registrationId, wrongOtp(second)), confirm(body.registrationId, wrongOtp(second))]);
    advance(180_001);
    expect((await confirm(body.registrationId, wrongOtp(second))).body).toMatchObject({ code: 'otp-wrong', attemptsLeft: 1 });
    const again = await start(citizen);
    expect(again.status).toBe(201);
    expect(await confirm(body.registrationId, second)).toMatchObject({ status: 404, body: { code: 'registration-not-found' } });
    expect((await confirm(again.body.registrationId, await lastOtpSentTo(api.url, phoneOf(citizen)))).status).toBe(204);
    // Half an hour later an unfinished registration is gone.
    advance(30 * 60_000 + 1);
    expect(await choosePassword(again.body.registrationId, TEST_PASSWORD)).toMatchObject({ status: 404, body: { code: 'registration-not-found' } });
  });

  it('ends a registration at the fifth wrong code: even the right one no longer works', async () => {
    const citizen = freshCitizen();
    const { body } = await start(citizen);
    const otp = await lastOtpSentTo(api.url, phoneOf(citizen));
    for (const left of [4, 3, 2, 1]) expect((await confirm(body.registrationId, wrongOtp(otp))).body).toMatchObject({ code: 'otp-wrong', attemptsLeft: left });
    expect(await confirm(body.registrationId, wrongOtp(otp))).toMatchObject({ status: 410, body: { code: 'registration-ended' } });
    expect(await confirm(body.registrationId, otp)).toMatchObject({ status: 404, body: { code: 'registration-not-found' } });
  });

  it('names every password rule broken, and stores a memory-hard scrypt hash, never the password', async () => {
    const citizen = freshCitizen();
    const { body } = await start(citizen);
    await confirm(body.registrationId, await lastOtpSentTo(api.url, phoneOf(citizen)));
    const cases: [string, string[]][] = [
      ['Ab1@xyz', ['length']],
      ['abcdefg1@', ['upper']],
      ['ABCDEFG1@', ['lower']],
      ['Abcdefgh@', ['digit']],
      ['Abcdefgh1', ['special']],
      ['abcdefgh', ['digit', 'upper', 'special']],
      ['Mậtkhẩu 2026', []],
    ];
    for (const [password, broken] of cases) {
      const answer = await choosePassword(body.registrationId, password);
      if (broken.length === 0) expect(answer.status, password).toBe(201);
      else expect(answer, password).toMatchObject({ status: 422, body: { code: 'password-rules', brokenRules: broken } });
    }
    const { password_hash: hash } = api.db.prepare('SELECT password_hash FROM citizen_accounts WHERE id_number = ?').get(citizen.idNumber) as { password_hash: string };
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('Mậtkhẩu');
    // Registering again: the details are right, so the answer may say the account exists.
    const racing = freshCitizen();
    const raced = await start(racing);
    await confirm(raced.body.registrationId, await lastOtpSentTo(api.url, phoneOf(racing)));
    const both = await Promise.all([choosePassword(raced.body.registrationId, TEST_PASSWORD), choosePassword(raced.body.registrationId, 'Khac@2026xyz')]);
    expect(both.map((answer) => answer.status).sort()).toEqual([201, 404]);
    expect(await start(citizen)).toMatchObject({ status: 409, body: { code: 'already-registered' } });
    expect((await signIn(citizen.idNumber, 'Mậtkhẩu 2026')).status).toBe(201);
  });
});

describe('sign-in and sessions', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie for the app’s API; the account screen shows the register’s identity, the phone masked', async () => {
    const citizen = freshCitizen();
    const cookie = await registered(citizen);
    const signedIn = await signIn(citizen.idNumber, TEST_PASSWORD);
    const header = signedIn.response.headers.get('set-cookie')!;
    expect(header).toMatch(/^vneid_session=[A-Za-z0-9_-]{43}; Path=\/citizen\/api; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const account = await api.request('/citizen/api/account', { headers: { cookie } });
    expect(await readValidated('citizenAccount', account)).toEqual({ ...citizen, phone: `${phoneOf(citizen).slice(0, 3)}*****${phoneOf(citizen).slice(-2)}`, registeredAt: clock.toISOString() });
    const stored = JSON.stringify(api.db.prepare('SELECT * FROM citizen_sessions').all());
    expect(stored).not.toContain(cookie.split('=')[1]);
    // Signing out ends that session only.
    const out = await api.request('/citizen/api/sessions/current', { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await api.request('/citizen/api/account', { headers: { cookie } })).status).toBe(401);
    const current = sessionCookieOf(signedIn.response);
    expect((await api.request('/citizen/api/account', { headers: { cookie: current } })).status).toBe(200);
    // A stale cookie sent first does not hide the current one; signing out with only a stale one still clears it.
    expect((await api.request('/citizen/api/account', { headers: { cookie: `${cookie}; ${current}` } })).status).toBe(200);
    for (const malformed of ['vneid_session', 'vneid_session=', '=x; vneid_session==; other=1']) expect((await api.request('/citizen/api/account', { headers: { cookie: malformed } })).status, malformed).toBe(401);
    const staleOut = await api.request('/citizen/api/sessions/current', { method: 'DELETE', headers: { cookie } });
    expect(staleOut.status).toBe(204);
    expect(staleOut.headers.get('set-cookie')).toContain('Max-Age=0');
    // Signing in again (as anyone) ends the session the browser had.
    const switched = await api.request('/citizen/api/sessions', { body: { idNumber: citizen.idNumber, password: TEST_PASSWORD }, headers: { cookie: current } });
    expect(switched.status).toBe(201);
    expect((await api.request('/citizen/api/account', { headers: { cookie: current } })).status).toBe(401);
  });

  it('answers a wrong password and an ID number without an account alike, and locks an ID number for 5 minutes at the fifth wrong try', async () => {
    const citizen = freshCitizen();
    await registered(citizen);
    const stranger = '001099999998';
    for (const idNumber of [citizen.idNumber, stranger]) {
      for (const left of [4, 3, 2, 1]) expect((await signIn(idNumber, 'Sai@mat1khau')).body, idNumber).toEqual({ code: 'sign-in-failed', message: 'wrong ID number or password', attemptsLeft: left });
      const locked = await signIn(idNumber, 'Sai@mat1khau');
      expect(locked, idNumber).toMatchObject({ status: 423, body: { code: 'sign-in-locked', lockedUntil: new Date(clock.getTime() + 300_000).toISOString() } });
    }
    // Locked: not even the right password; another citizen is not affected.
    expect((await signIn(citizen.idNumber, TEST_PASSWORD)).body).toMatchObject({ code: 'sign-in-locked' });
    const other = freshCitizen();
    await registered(other);
    expect((await signIn(other.idNumber, TEST_PASSWORD)).status).toBe(201);
    advance(300_001);
    expect((await signIn(citizen.idNumber, TEST_PASSWORD)).status).toBe(201);
    // A right password starts the count again.
    expect((await signIn(citizen.idNumber, 'Sai@mat1khau')).body).toMatchObject({ attemptsLeft: 4 });
    // Wrong tries a day apart do not add up.
    advance(86_400_001);
    expect((await signIn(citizen.idNumber, 'Sai@mat1khau')).body).toMatchObject({ attemptsLeft: 4 });
  });

  it('counts wrong tries made at once: eight in parallel lock the ID number after four answers', async () => {
    const citizen = freshCitizen();
    await registered(citizen);
    const answers = await Promise.all(Array.from({ length: 8 }, () => signIn(citizen.idNumber, 'Sai@mat1khau')));
    expect(answers.filter((answer) => answer.body.code === 'sign-in-failed')).toHaveLength(4);
    expect(answers.filter((answer) => answer.body.code === 'sign-in-locked')).toHaveLength(4);
    expect((await signIn(citizen.idNumber, TEST_PASSWORD)).body).toMatchObject({ code: 'sign-in-locked' });
  });

  it('ends a session after 12 hours', async () => {
    const citizen = freshCitizen();
    const cookie = await registered(citizen);
    advance(12 * 3_600_000 - 1_000);
    expect((await api.request('/citizen/api/account', { headers: { cookie } })).status).toBe(200);
    advance(2_000);
    expect((await api.request('/citizen/api/account', { headers: { cookie } })).status).toBe(401);
  });
});

describe('identity QR tokens', () => {
  it('are issued only to a signed-in citizen, for themselves, valid one minute, kept as hashes; a token past its minute is token-expired', async () => {
    const citizen = freshCitizen();
    const cookie = await registered(citizen);
    const issued = await api.request('/citizen/api/identity-qr', { method: 'POST', headers: { cookie } });
    expect(issued.status).toBe(201);
    const { token, expiresAt, serverTime } = await readValidated<{ token: string; expiresAt: string; serverTime: string }>('issueVneidToken', issued);
    expect(serverTime).toBe(clock.toISOString());
    expect(Date.parse(expiresAt) - clock.getTime()).toBe(60_000);
    expect(JSON.stringify(api.db.prepare('SELECT * FROM vneid_tokens').all())).not.toContain(token);
    // The session says whose token it is: nothing in the request can name another citizen.
    const stationToken = await api.enrol('ST-CITIZEN');
    const verify = async () => {
      const body = { code: { kind: 'vneid-token', token }, context: { checkpointId: 'CP-01', laneId: 'lane-1', direction: 'entry', scannedAt: clock.toISOString() } };
      return (await (await api.request('/v1/verify', { body, token: stationToken })).json()) as { match: string; citizen?: Citizen };
    };
    expect(await verify()).toMatchObject({ match: 'found', citizen: cardOf(citizen) });
    advance(66_000);
    expect(await verify()).toMatchObject({ match: 'token-expired' });
    expect((await verify()).citizen).toBeUndefined();
  });
});

describe('the simulated SMS gateway', () => {
  it('keeps codes (in the outbox) only with --test-admin; a demo server hands each message on as it is sent and keeps none', async () => {
    const delivered: { phone: string; text: string }[] = [];
    const demo = await startTestApi({ testAdmin: false, onSms: (message) => delivered.push(message) });
    expect((await demo.request(`/admin/sms-outbox?phone=0912345678`)).status).toBe(404);
    const citizen = freshCitizen();
    const started = await demo.request('/citizen/api/registrations', { body: { ...cardOf(citizen), phone: phoneOf(citizen) } });
    expect(started.status).toBe(201);
    expect(delivered).toEqual([{ phone: phoneOf(citizen), text: expect.stringMatching(/^VNeID: Mã xác thực của bạn là \d{6}, có hiệu lực trong 3 phút/), sentAt: expect.any(String) }]);
    expect(demo.db.prepare('SELECT count(*) FROM sms_outbox').pluck().get()).toBe(0);
  });
});

describe('the app’s page', () => {
  it('is served from the built files alone, under the station’s CSP, with the camera allowed to this origin only', async () => {
    const page = await api.request('/citizen/');
    expect(page.status, 'the citizen app is built first (`npm run build:citizen`, part of npm test)').toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self';");
    expect(page.headers.get('permissions-policy')).toBe('camera=(self)');
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect((await api.request(`/citizen/${script}`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const path of ['/citizen/..%2f..%2fpackage.json', '/citizen/%2e%2e/%2e%2e/package.json', '/citizen/assets/../../../package.json', '/citizen/nothing.js']) {
      expect((await api.request(path)).status, path).toBe(404);
    }
    const unknownCall = await api.request('/citizen/api/nothing');
    expect(unknownCall.status).toBe(404);
    expect(await unknownCall.json()).toMatchObject({ code: 'not_found' });
  });
});
