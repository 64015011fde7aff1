import { describe, expect, it } from 'vitest';
import { addToDenyList, findCitizens, setCitizenStatus, type PassageResult, type PassageUpload } from '../../central-api';
import { identityTokenFor } from '../helpers/citizen-app';
import { readValidated, validateRequest } from '../helpers/openapi-validator';
import { passage, startTestApi } from './fixture';

// The server's clock is the test's: tokens are issued now and uploads arrive an hour later.
let clock = new Date('2025-03-01T08:00:00Z');
const api = await startTestApi({ now: () => clock });
const station = 'ST-P1';
const token = await api.enrol(station);
const [clean] = findCitizens(api.db, { status: 'none', denyListed: false, limit: 1 });
const [confirmed] = findCitizens(api.db, { status: 'confirmed-case', limit: 1 });
if (!clean || !confirmed) throw new Error('the seeded register lacks a clean or a confirmed-case citizen');

/** Uploads and checks both ways; `sendInvalid` skips the request check for a deliberately bad passage. */
async function upload(passages: PassageUpload[], sendInvalid = false): Promise<PassageResult[]> {
  const body = { passages };
  if (!sendInvalid) validateRequest('uploadPassages', body);
  const response = await api.request('/v1/passages/batch', { body, token });
  expect(response.status).toBe(200);
  return (await readValidated<{ results: PassageResult[] }>('uploadPassages', response)).results;
}

async function stored() {
  const response = await api.request('/admin/passages');
  return readValidated<{ id: string; verdict: string }[]>('adminListPassages', response);
}

describe('POST /v1/passages/batch', () => {
  it('stores a batch once: sending it again answers duplicate and changes nothing', async () => {
    const batch = [1, 2, 3].map((sequence) => passage(station, { sequence, verdict: 'pass' }));
    expect((await upload(batch)).map((result) => result.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const before = await stored();
    const again = await upload(batch.map((item) => ({ ...item, verdict: 'deny' })));
    expect(again).toEqual(batch.map((item) => ({ id: item.id, status: 'duplicate' })));
    expect(await stored()).toEqual(before);
    expect(before.filter((row) => batch.some((item) => item.id === row.id)).map((row) => row.verdict)).toEqual(['pass', 'pass', 'pass']);
  });

  it('answers a duplicate inside one batch as duplicate', async () => {
    const item = passage(station, { sequence: 10 });
    expect((await upload([item, item])).map((result) => result.status)).toEqual(['accepted', 'duplicate']);
  });

  it('rejects a bad passage alone, with a reason, and stores the rest', async () => {
    const good = passage(station, { sequence: 20 });
    const otherStation = passage('ST-SOMEONE-ELSE', { sequence: 21 });
    const badDate = passage(station, { sequence: 22, birthDate: '1990-02-30' });
    const tooLong = { ...passage(station, { sequence: 23 }), note: 'x'.repeat(501) };
    const otherCheckpoint = passage(station, { sequence: 24, checkpointId: 'CP-ELSEWHERE' });
    const results = await upload([otherStation, good, badDate, tooLong, otherCheckpoint], true);
    expect(results.map((result) => [result.status, result.reason?.split(':')[0]])).toEqual([
      ['rejected', 'station-mismatch'],
      ['accepted', undefined],
      ['rejected', 'invalid-birth-date'],
      ['rejected', 'invalid'],
      ['rejected', 'checkpoint-mismatch'],
    ]);
    const ids = (await stored()).map((row) => row.id);
    expect(ids).toContain(good.id);
    for (const refused of [otherStation, badDate, otherCheckpoint]) expect(ids).not.toContain(refused.id);
  });

  it('rejects a poisoned passage every time without failing the others', async () => {
    const poisoned = passage(station, { sequence: 30 });
    const poison = await api.request('/admin/poison', { body: { passageId: poisoned.id } });
    expect(poison.status).toBe(204);
    const other = passage(station, { sequence: 31 });
    expect(await upload([poisoned, other])).toEqual([
      { id: poisoned.id, status: 'rejected', reason: 'poison' },
      { id: other.id, status: 'accepted' },
    ]);
    expect((await upload([poisoned]))[0]).toMatchObject({ status: 'rejected', reason: 'poison' });
  });

  it('answers 400 only for a malformed envelope', async () => {
    const tooMany = await api.request('/v1/passages/batch', { body: { passages: Array.from({ length: 501 }, (_, index) => passage(station, { sequence: index + 1 })) }, token });
    expect(tooMany.status).toBe(400);
    await readValidated('uploadPassages', tooMany);
    expect((await api.request('/v1/passages/batch', { body: { passages: [] }, token })).status).toBe(400);
  });
});

describe('amended passages (a higher revision)', () => {
  const storedCopy = async (id: string) => (await stored()).find((row) => row.id === id) as { revision: number; overrideVerdict: string | null; verdict: string } | undefined;
  const override = { verdict: 'pass' as const, reason: 'giấy tờ hợp lệ', officerId: 'CB-0042', at: '2025-03-01T08:05:00.000Z' };

  it('replaces the stored copy with a higher revision once; the same or a lower revision is a duplicate', async () => {
    const first = passage(station, { sequence: 50, verdict: 'check' });
    expect((await upload([first]))[0]?.status).toBe('accepted');
    expect(await storedCopy(first.id)).toMatchObject({ revision: 0, overrideVerdict: null, verdict: 'check' });

    const amended = { ...first, revision: 1, override, plate: '29A-123.45' };
    expect(await upload([amended])).toEqual([{ id: first.id, status: 'accepted' }]);
    expect(await storedCopy(first.id)).toMatchObject({ revision: 1, overrideVerdict: 'pass', verdict: 'check' });

    expect(await upload([amended])).toEqual([{ id: first.id, status: 'duplicate' }]);
    expect(await upload([{ ...first, revision: 0, override: null }])).toEqual([{ id: first.id, status: 'duplicate' }]);
    expect(await storedCopy(first.id)).toMatchObject({ revision: 1, overrideVerdict: 'pass' });
  });

  it('lets only the station that filed a passage amend it', async () => {
    const mine = passage(station, { sequence: 60 });
    await upload([mine]);
    const other = 'ST-P1-OTHER';
    const otherToken = await api.enrol(other);
    const response = await api.request('/v1/passages/batch', { body: { passages: [{ ...mine, stationId: other, revision: 1, override }] }, token: otherToken });
    const { results } = await readValidated<{ results: PassageResult[] }>('uploadPassages', response);
    expect(results).toEqual([{ id: mine.id, status: 'rejected', reason: 'station-mismatch' }]);
    expect(await storedCopy(mine.id)).toMatchObject({ revision: 0 });
  });

  it('documents revision and override in PassageUpload: a bad one is refused by the document and rejected alone', async () => {
    const good = { ...passage(station, { sequence: 70 }), revision: 0, override: null };
    validateRequest('uploadPassages', { passages: [good] });
    const negative = { ...passage(station, { sequence: 71 }), revision: -1 };
    const shortReason = { ...passage(station, { sequence: 72 }), override: { ...override, reason: 'ok' } };
    expect(() => validateRequest('uploadPassages', { passages: [negative] })).toThrow(/revision/);
    expect(() => validateRequest('uploadPassages', { passages: [shortReason] })).toThrow(/reason|oneOf/);
    const results = await upload([good, negative, shortReason], true);
    expect(results.map((result) => [result.status, result.reason?.split(':')[0]])).toEqual([
      ['accepted', undefined],
      ['rejected', 'invalid'],
      ['rejected', 'invalid'],
    ]);
  });
});

describe('passages decided offline, checked again at upload as of their scan time', () => {
  const citizenOf = (citizen: { idNumber: string; fullName: string; birthDate: string; sex: 'male' | 'female' }) => ({
    idNumber: citizen.idNumber,
    fullName: citizen.fullName,
    birthDate: citizen.birthDate,
    sex: citizen.sex,
  });

  it('VNeID tokens: genuine at the offset-corrected scan time or not, and whether the holder was to be stopped; a duplicate repeats it', async () => {
    const scannedAt = new Date(clock.getTime() + 20_000).toISOString();
    const cleanToken = await identityTokenFor(api.url, clean);
    const confirmedToken = await identityTokenFor(api.url, confirmed);
    clock = new Date(clock.getTime() + 60 * 60_000);

    const offline = (vneidToken: string, sequence: number, overrides: Partial<PassageUpload> = {}) =>
      passage(station, { sequence, codeKind: 'vneid-token', vneidToken, verification: 'offline', verdict: 'check', scannedAt, ...overrides });
    const batch = [
      offline(cleanToken, 40, { serverTime: scannedAt }),
      offline(confirmedToken, 41, { serverTime: scannedAt }),
      offline('B'.repeat(43), 42, { serverTime: scannedAt }),
      // Scanned an hour after issue by the offset-corrected clock: expired then.
      offline(cleanToken, 43, { serverTime: clock.toISOString() }),
      // serverTime (the offset-corrected scan time) is what counts, not the station's own clock.
      offline(cleanToken, 44, { scannedAt: clock.toISOString(), serverTime: scannedAt }),
      // No measured clock offset: the station's own clock cannot bound a replay, so it is not confirmed.
      offline(cleanToken, 45),
    ];
    const results = await upload(batch);
    expect(results.map((result) => result.retroCheck)).toEqual([
      { match: 'found', denied: false, quarantine: false, citizen: citizenOf(clean) },
      { match: 'found', denied: true, quarantine: expect.any(Boolean), citizen: expect.objectContaining({ idNumber: confirmed.idNumber }) },
      { match: 'token-invalid', denied: false, quarantine: false },
      { match: 'token-invalid', denied: false, quarantine: false },
      { match: 'found', denied: false, quarantine: false, citizen: expect.objectContaining({ idNumber: clean.idNumber }) },
      { match: 'token-invalid', denied: false, quarantine: false },
    ]);
    const again = await upload(batch);
    expect(again.map((result) => result.status)).toEqual(batch.map(() => 'duplicate'));
    expect(again.map((result) => result.retroCheck)).toEqual(results.map((result) => result.retroCheck));
  });

  it('cards: the identity and the standing at the scan time, not at upload; passages decided online are not checked again', async () => {
    const [later] = findCitizens(api.db, { status: 'none', denyListed: false, limit: 5 }).filter((citizen) => citizen.idNumber !== clean.idNumber);
    if (!later) throw new Error('the seeded register lacks a second clean citizen');
    const before = new Date(clock.getTime() - 60_000);
    // Listed and put in quarantine after the first scan, before the second.
    addToDenyList(api.db, later.idNumber, 'wanted', clock);
    setCitizenStatus(api.db, clean.idNumber, 'quarantine', true, clock);
    const after = new Date(clock.getTime() + 60_000);
    const card = (citizen: typeof clean, at: Date, sequence: number, overrides: Partial<PassageUpload> = {}) =>
      passage(station, { sequence, codeKind: 'chip-card', idNumber: citizen.idNumber, fullName: citizen.fullName, birthDate: citizen.birthDate, verification: 'offline', scannedAt: at.toISOString(), ...overrides });
    const results = await upload([
      card(later, before, 60),
      card(later, after, 61),
      card(clean, before, 62),
      card(clean, after, 63),
      card(clean, after, 64, { fullName: 'Someone Else' }),
      card(later, after, 65, { verification: 'online' }),
      passage(station, { sequence: 66, codeKind: 'unknown', verification: 'offline', verdict: 'invalid' }),
    ]);
    expect(results.map((result) => result.retroCheck)).toEqual([
      { match: 'found', denied: false, quarantine: false },
      { match: 'found', denied: true, quarantine: false },
      { match: 'found', denied: false, quarantine: false },
      { match: 'found', denied: false, quarantine: true },
      { match: 'mismatch', denied: false, quarantine: true },
      undefined,
      undefined,
    ]);
    setCitizenStatus(api.db, clean.idNumber, 'quarantine', false, clock);
  });
});
