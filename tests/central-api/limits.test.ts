import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PassageResult, PassageUpload } from '../../central-api';
import { loadOpenApiDocument } from '../../central-api/openapi';
import { PROBLEM_MESSAGE_MAX } from '../../central-api/problem';
import { BATCH_BODY_LIMIT } from '../../central-api/routes/passages';
import { readValidated } from '../helpers/openapi-validator';
import { passage, startTestApi } from './fixture';

// Every string, integer and array of the document is bounded, and the server enforces each bound
// with a 400 (or, inside a batch, a rejection of that passage alone), never a 500.

const api = await startTestApi();
const station = 'ST-LIMITS';
const token = await api.enrol(station);
const verifyContext = { checkpointId: 'CP-01', laneId: 'lane-1', direction: 'entry', scannedAt: new Date().toISOString() };
/** A Vietnamese letter with its marks: three bytes of UTF-8, one character to the document. */
const wide = (length: number) => 'ế'.repeat(length);

async function refused(operationId: string, response: Response, status = 400): Promise<string> {
  expect(response.status).toBe(status);
  return (await readValidated<{ message: string }>(operationId, response)).message;
}

async function upload(passages: unknown[], as = token): Promise<PassageResult[]> {
  const response = await api.request('/v1/passages/batch', { body: { passages }, token: as });
  expect(response.status).toBe(200);
  return (await readValidated<{ results: PassageResult[] }>('uploadPassages', response)).results;
}

const outcome = (results: PassageResult[]) => results.map((result) => [result.status, result.reason?.split(':')[0]]);

describe('requests past a bound are refused with 400', () => {
  it('strings in a body', async () => {
    const verify = (code: object) => api.request('/v1/verify', { body: { code, context: verifyContext }, token });
    expect(await refused('verify', await verify({ kind: 'chip-card', fullName: wide(201) }))).toContain('body/code/fullName must NOT have more than 200 characters');
    const lane = await api.request('/v1/verify', { body: { code: { kind: 'chip-card' }, context: { ...verifyContext, laneId: 'x'.repeat(33) } }, token });
    expect(await refused('verify', lane)).toContain('body/context/laneId');
    const enrol = (body: object) => api.request('/v1/stations/enrol', { body: { stationId: 'ST-NEW', secret: 'test-enrol-secret', checkpointId: 'CP-01', ...body } });
    for (const field of [{ name: wide(121) }, { secret: 'x'.repeat(257) }, { stationId: 'S'.repeat(65) }, { checkpointId: 'C'.repeat(33) }]) {
      expect(await refused('enrolStation', await enrol(field)), JSON.stringify(Object.keys(field))).toMatch(/^body\//);
    }
    const registration = { idNumber: '0'.repeat(12), phone: '0912345678', fullName: 'Lê Văn A', birthDate: '1990-01-01', sex: 'male' };
    for (const field of [{ idNumber: '0'.repeat(13) }, { phone: '1'.repeat(11) }, { fullName: wide(201) }]) {
      expect(await refused('startCitizenRegistration', await api.request('/citizen/api/registrations', { body: { ...registration, ...field } })), JSON.stringify(field)).toMatch(/^body\//);
    }
    const signIn = (password: string) => api.request('/citizen/api/sessions', { body: { idNumber: '0'.repeat(12), password } });
    expect(await refused('citizenSignIn', await signIn('A'.repeat(21)))).toContain('body/password');
    expect(await refused('citizenSignIn', await signIn('Matkhau@\u00002026'))).toContain('body/password');
  });

  it('a header and a query parameter', async () => {
    expect(await refused('getRules', await api.request('/v1/reference/rules', { token, headers: { 'if-none-match': `"${'a'.repeat(300)}"` } }))).toContain('if-none-match');
    for (const since of ['9007199254740992', '-1', '1e400', '1.5']) {
      expect(await refused('getDenyList', await api.request(`/v1/reference/deny-list?since=${since}`, { token })), since).toContain('since');
    }
  });

  it('a time JavaScript cannot read (a leap second), which RFC 3339 allows', async () => {
    const response = await api.request('/v1/verify', { body: { code: { kind: 'vneid-token', token: 'A'.repeat(43) }, context: { ...verifyContext, scannedAt: '2016-12-31T23:59:60Z' } }, token });
    expect(await refused('verify', response)).toContain('body/context/scannedAt must match format "date-time"');
  });

  it('a request breaking many rules at once gets the first part of the list, still a Problem of the document', async () => {
    const extras = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`extra${index}`, true]));
    const message = await refused('verify', await api.request('/v1/verify', { body: { code: { kind: 'chip-card', ...extras }, context: verifyContext }, token }));
    expect([...message]).toHaveLength(PROBLEM_MESSAGE_MAX);
    expect(message.endsWith('…')).toBe(true);
    const schemas = loadOpenApiDocument().components.schemas as Record<string, { properties: Record<string, { maxLength?: number }> }>;
    expect(PROBLEM_MESSAGE_MAX).toBe(schemas.Problem!.properties.message!.maxLength);
  });

  it('a body over its operation’s limit is 413: 64 KiB for a verification, 8 MiB for a batch', async () => {
    const verify = await api.request('/v1/verify', { body: { code: { kind: 'chip-card', fullName: 'x'.repeat(70_000) }, context: verifyContext }, token });
    expect(await readValidated('verify', verify)).toMatchObject({ code: 'payload_too_large' });
    expect(verify.status).toBe(413);
    const batch = await api.request('/v1/passages/batch', { body: { passages: [passage(station, { note: 'x'.repeat(BATCH_BODY_LIMIT) })] }, token });
    expect(batch.status).toBe(413);
    expect(await readValidated('uploadPassages', batch)).toMatchObject({ code: 'payload_too_large' });
  });
});

describe('inside a batch, each passage past a bound is rejected alone with a reason; the rest are stored', () => {
  it('a 7 MB lane id, integers out of range, a leap second, a wrong type', async () => {
    const good = [1, 2].map((sequence) => passage(station, { sequence }));
    const bad = [
      passage(station, { laneId: 'x'.repeat(7_000_000) }),
      passage(station, { sequence: 2 ** 53 }),
      passage(station, { sequence: 1.5 }),
      passage(station, { revision: -1 }),
      passage(station, { revision: 1e300 }),
      // Checked again as of its scan time, which once reached the register as an Invalid Date (a 500 for the whole batch).
      passage(station, { verification: 'offline', idNumber: '001090000001', scannedAt: '2016-12-31T23:59:60Z' }),
      passage(station, { serverTime: '2016-12-31T23:59:60+00:00' }),
      { ...passage(station), reasons: Array.from({ length: 33 }, () => 'clear') },
    ];
    const results = await upload([good[0], ...bad, good[1]]);
    expect(outcome(results)).toEqual([['accepted', undefined], ...bad.map(() => ['rejected', 'invalid']), ['accepted', undefined]]);
    expect(results.slice(1, -1).map((result) => result.id)).toEqual(bad.map((item) => item.id));
  });

  it('an item without a valid id is answered with an empty id, never its own text back', async () => {
    const response = await api.request('/v1/passages/batch', { body: { passages: [{ id: 'x'.repeat(5_000_000) }, { id: 42 }, passage(station)] }, token });
    expect(Number(response.headers.get('content-length'))).toBeLessThan(5_000);
    const { results } = await readValidated<{ results: PassageResult[] }>('uploadPassages', response);
    expect(results.map((result) => [result.id, result.status])).toEqual([['', 'rejected'], ['', 'rejected'], [expect.any(String), 'accepted']]);
  });

  it('a reason is cut to the document’s length', async () => {
    const everythingWrong = Object.fromEntries(Object.keys(passage(station)).map((key) => [key, { wrong: true }]));
    const [result] = await upload([{ ...everythingWrong, id: randomUUID() }]);
    expect(result).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^invalid: .*…$/) });
    expect([...result!.reason!]).toHaveLength(500);
  });
});

describe('the largest valid batch', () => {
  it('fits the body limit: 500 passages with every field at its longest, in three-byte characters', async () => {
    // The longest station id and checkpoint id the document allows (they are ASCII by pattern).
    const longStation = 'S'.repeat(64);
    const longToken = await api.enrol(longStation, { checkpointId: 'C'.repeat(32) });
    const longest = (sequence: number): PassageUpload =>
      passage(longStation, {
        sequence,
        checkpointId: 'C'.repeat(32),
        laneId: wide(32),
        codeKind: wide(32),
        idNumber: wide(32),
        fullName: wide(200),
        birthDate: '1990-01-01',
        vneidToken: wide(1024),
        reasons: Array.from({ length: 32 }, () => wide(64)),
        officerId: wide(64),
        plate: wide(20),
        note: wide(500),
        serverTime: new Date().toISOString(),
        override: { verdict: 'pass', reason: wide(300), officerId: wide(64), at: new Date().toISOString() },
      });
    const passages = Array.from({ length: 500 }, (_, index) => longest(index + 1));
    const bytes = Buffer.byteLength(JSON.stringify({ passages }));
    expect(bytes).toBeGreaterThan(6 * 1024 * 1024);
    expect(bytes).toBeLessThan(BATCH_BODY_LIMIT);
    const results = await upload(passages, longToken);
    expect(new Set(results.map((result) => result.status))).toEqual(new Set(['accepted']));
  });
});
