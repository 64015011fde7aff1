import { describe, expect, it } from 'vitest';
import { findCitizens, type VerifyResponse } from '../../central-api';
import { insertCitizen } from '../../central-api/db/citizens';
import { issueIdentityToken, registerCitizen, signInCitizen, type RegisterEntry } from '../helpers/citizen-app';
import { readValidated, validateRequest } from '../helpers/openapi-validator';
import { startTestApi, type TestApi } from './fixture';

const api = await startTestApi();
const token = await api.enrol();
const [clean] = findCitizens(api.db, { status: 'none', denyListed: false, limit: 1 });
const [wanted] = findCitizens(api.db, { status: 'wanted', limit: 1 });
const [quarantined] = findCitizens(api.db, { status: 'quarantine', limit: 1 });
if (!clean || !wanted || !quarantined) throw new Error('the seeded register lacks a clean, a wanted or a quarantined citizen');

async function verify(code: Record<string, unknown>, scannedAt = new Date()): Promise<VerifyResponse> {
  const body = { code, context: { checkpointId: 'CP-01', laneId: 'lane-1', direction: 'entry', scannedAt: scannedAt.toISOString() } };
  validateRequest('verify', body);
  const response = await api.request('/v1/verify', { body, token });
  expect(response.status).toBe(200);
  return readValidated<VerifyResponse>('verify', response);
}

/** Identity QR tokens of `citizen`, signed in to the app of `target` (registered on first use). */
async function tokensOf(target: TestApi, citizen: RegisterEntry): Promise<() => Promise<{ token: string; expiresAt: string; serverTime: string }>> {
  const cookie = await registerCitizen(target.url, citizen);
  return async () => {
    const response = await target.request('/citizen/api/identity-qr', { method: 'POST', headers: { cookie } });
    expect(response.status).toBe(201);
    return readValidated('issueVneidToken', response);
  };
}
const issueWanted = await tokensOf(api, wanted);

const minutes = (count: number) => count * 60_000;

describe('POST /v1/verify: card-like codes', () => {
  it('finds a clean citizen, comparing names without diacritics or case', async () => {
    const exact = await verify({ kind: 'chip-card', idNumber: clean.idNumber, fullName: clean.fullName, birthDate: clean.birthDate, sex: clean.sex });
    expect(exact).toMatchObject({ match: 'found', citizen: { idNumber: clean.idNumber, fullName: clean.fullName }, statuses: [], denyListed: false });
    const folded = clean.fullName.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase();
    expect((await verify({ kind: 'copied-card', idNumber: clean.idNumber, fullName: folded, birthDate: clean.birthDate.slice(0, 4) })).match).toBe('found');
  });

  it('reports a wanted citizen as deny-listed, and a quarantined one by status', async () => {
    expect(await verify({ kind: 'can-cuoc-card', idNumber: wanted.idNumber, fullName: wanted.fullName })).toMatchObject({ match: 'found', statuses: ['wanted'], denyListed: true });
    expect(await verify({ kind: 'chip-card', idNumber: quarantined.idNumber })).toMatchObject({ match: 'found', statuses: ['quarantine'], denyListed: false });
  });

  it('answers mismatch without disclosing the holder, and not-found for an unknown ID', async () => {
    const wrongName = await verify({ kind: 'chip-card', idNumber: wanted.idNumber, fullName: 'Nguyễn Văn Không Khớp' });
    expect(wrongName).toMatchObject({ match: 'mismatch', statuses: ['wanted'], denyListed: true });
    expect(wrongName.citizen).toBeUndefined();
    const birthYear = Number(clean.birthDate.slice(0, 4));
    expect((await verify({ kind: 'chip-card', idNumber: clean.idNumber, birthDate: `${birthYear + 1}${clean.birthDate.slice(4)}` })).match).toBe('mismatch');
    expect(await verify({ kind: 'paper-declaration', idNumber: '001099999999' })).toMatchObject({ match: 'not-found', statuses: [], denyListed: false });
    expect((await verify({ kind: 'chip-card' })).match).toBe('not-found');
  });

  it('matches a masked PC-Covid code by its readable digits, name and birth date', async () => {
    const masked = `${clean.idNumber.slice(0, 3)}*******${clean.idNumber.slice(-2)}`;
    const name = clean.fullName.toUpperCase();
    expect(await verify({ kind: 'pc-covid', documentNumber: masked, fullName: name, birthDate: clean.birthDate })).toMatchObject({ match: 'found', citizen: { idNumber: clean.idNumber } });
    expect((await verify({ kind: 'pc-covid', documentNumber: masked, fullName: 'TRAN VAN KHAC', birthDate: clean.birthDate })).match).toBe('not-found');
    expect((await verify({ kind: 'pc-covid', documentNumber: clean.idNumber, fullName: name })).match).toBe('found');
  });

  it('matches a BHYT card by name and full birth date only', async () => {
    expect((await verify({ kind: 'bhyt', cardNumber: 'DN4010123456789', fullName: clean.fullName, birthDate: clean.birthDate })).match).toBe('found');
    expect((await verify({ kind: 'bhyt', cardNumber: 'DN4010123456789', fullName: clean.fullName, birthDate: clean.birthDate.slice(0, 4) })).match).toBe('not-found');
  });

  it("refuses a verification at another checkpoint than the station's with 403 checkpoint-mismatch", async () => {
    const body = { code: { kind: 'chip-card', idNumber: clean.idNumber }, context: { checkpointId: 'CP-ELSEWHERE', laneId: 'lane-1', direction: 'entry', scannedAt: new Date().toISOString() } };
    validateRequest('verify', body);
    const response = await api.request('/v1/verify', { body, token });
    expect(response.status).toBe(403);
    expect(await readValidated('verify', response)).toMatchObject({ code: 'checkpoint-mismatch' });
  });

  it('refuses a malformed request with a Problem', async () => {
    const response = await api.request('/v1/verify', { body: { code: { kind: 'passport' }, context: {} }, token });
    expect(response.status).toBe(400);
    expect(await readValidated('verify', response)).toMatchObject({ code: 'invalid_request' });
  });
});

describe('POST /v1/verify: VNeID tokens', () => {
  it('issues one-minute tokens to a signed-in citizen only, in the server’s time', async () => {
    const issued = await (await tokensOf(api, clean))();
    expect(Date.parse(issued.expiresAt) - Date.parse(issued.serverTime)).toBe(60_000);
    expect(Math.abs(Date.parse(issued.serverTime) - Date.now())).toBeLessThan(5_000);
    for (const headers of [{}, { cookie: 'vneid_session=' + 'A'.repeat(43) }] as Record<string, string>[]) {
      const stranger = await api.request('/citizen/api/identity-qr', { method: 'POST', headers });
      expect(stranger.status).toBe(401);
      expect(await readValidated('issueVneidToken', stranger)).toMatchObject({ code: 'unauthorized' });
    }
  });

  it('finds the citizen of a valid token, judged at the server’s time whatever scan time the station sends', async () => {
    const { token: vneid } = await issueWanted();
    expect(await verify({ kind: 'vneid-token', token: vneid })).toMatchObject({ match: 'found', citizen: { idNumber: wanted.idNumber }, statuses: ['wanted'], denyListed: true });
    // A station clock far off (or lying) neither brings a token back nor ends it early.
    expect((await verify({ kind: 'vneid-token', token: vneid }, new Date(Date.now() - minutes(10)))).match).toBe('found');
    expect((await verify({ kind: 'vneid-token', token: vneid }, new Date(Date.now() + minutes(10)))).match).toBe('found');
  });

  it('refuses a token shown again after its minute, however its scan time is back-dated: 5 s of tolerance', async () => {
    let clock = new Date('2026-05-01T08:00:00Z');
    const timed = await startTestApi({ now: () => clock });
    const stationToken = await timed.enrol();
    const issued = await (await tokensOf(timed, wanted))();
    const check = async (scannedAt: Date) => {
      const body = { code: { kind: 'vneid-token', token: issued.token }, context: { checkpointId: 'CP-01', laneId: 'lane-1', direction: 'entry', scannedAt: scannedAt.toISOString() } };
      return ((await (await timed.request('/v1/verify', { body, token: stationToken })).json()) as VerifyResponse).match;
    };
    clock = new Date(Date.parse(issued.expiresAt) + 4_000);
    expect(await check(clock)).toBe('found');
    clock = new Date(Date.parse(issued.expiresAt) + 6_000);
    expect(await check(clock)).toBe('token-expired');
    // The replayed screenshot with the scan time it had while valid.
    expect(await check(new Date(Date.parse(issued.expiresAt) - 30_000))).toBe('token-expired');
  });

  it('keeps an expired token’s hash for a week of offline stations, then purges it', async () => {
    let clock = new Date('2026-05-01T08:00:00Z');
    const timed = await startTestApi({ now: () => clock });
    const first = await (await tokensOf(timed, wanted))();
    // Each time a new session: the first has long ended.
    const issue = async () => (await issueIdentityToken(timed.url, await signInCitizen(timed.url, wanted.idNumber))).token;
    const count = () => (timed.db.prepare('SELECT count(*) AS n FROM vneid_tokens').get() as { n: number }).n;
    const stored = timed.db.prepare('SELECT token_hash FROM vneid_tokens').all() as { token_hash: string }[];
    expect(stored.map((row) => row.token_hash)).not.toContain(first.token);
    expect(count()).toBe(1);
    clock = new Date(clock.getTime() + 6 * 86_400_000);
    await issue();
    expect(count()).toBe(2);
    clock = new Date(clock.getTime() + 2 * 86_400_000);
    await issue();
    expect(count()).toBe(2);
  });

  it('answers token-invalid for an unknown token, with nothing about anyone', async () => {
    expect(await verify({ kind: 'vneid-token', token: 'A'.repeat(43) })).toMatchObject({ match: 'token-invalid', statuses: [], denyListed: false });
    expect((await verify({ kind: 'vneid-token' })).match).toBe('token-invalid');
  });
});

describe('response validation', () => {
  it('turns an answer outside the contract into a 500 instead of sending it', async () => {
    insertCitizen(api.db, { idNumber: '001090999999', fullName: 'Lê Văn Hỏng', birthDate: '1990-13-45', sex: 'male' }, []);
    const response = await api.request('/v1/verify', {
      body: { code: { kind: 'chip-card', idNumber: '001090999999' }, context: { checkpointId: 'CP-01', laneId: 'lane-1', direction: 'entry', scannedAt: new Date().toISOString() } },
      token,
    });
    expect(response.status).toBe(500);
    expect(await readValidated('verify', response)).toEqual({ code: 'internal', message: 'internal error' });
  });
});
