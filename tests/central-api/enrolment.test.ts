import { describe, expect, it } from 'vitest';
import { issueEnrolmentCode, type PassageResult } from '../../central-api';
import { readValidated } from '../helpers/openapi-validator';
import { CHECKPOINT, ENROL_SECRET, passage, startTestApi } from './fixture';

let clock = new Date('2025-03-01T08:00:00Z');
const api = await startTestApi({ now: () => clock });
const hours = (count: number) => count * 3_600_000;

interface Enrolled {
  stationId: string;
  checkpointId: string;
  token: string;
}

/** POST /v1/stations/enrol, checked against the document; `token` is the station's current one, if any. */
async function enrol(body: { stationId: string; secret: string; checkpointId: string }, token?: string): Promise<{ status: number; body: Enrolled & { code?: string } }> {
  const response = await api.request('/v1/stations/enrol', { body, ...(token !== undefined && { token }) });
  return { status: response.status, body: await readValidated('enrolStation', response) };
}

const issue = (stationId: string, checkpointId: string, validHours = 24) => issueEnrolmentCode(api.db, { stationId, checkpointId, validHours }, clock).code;

/** What a station token is good for: a verification at `checkpointId`. */
async function verifyStatus(token: string, checkpointId = CHECKPOINT): Promise<number> {
  const body = { code: { kind: 'chip-card', idNumber: '001090000001' }, context: { checkpointId, laneId: 'lane-1', direction: 'entry', scannedAt: clock.toISOString() } };
  const response = await api.request('/v1/verify', { body, token });
  await readValidated('verify', response);
  return response.status;
}

describe("an administrator's one-time enrolment code", () => {
  it('enrols the station it names at the checkpoint it names, once; a refused attempt does not spend it', async () => {
    const code = issue('ST-E1', 'CP-07');
    expect(await enrol({ stationId: 'ST-E1', secret: code, checkpointId: 'CP-08' })).toMatchObject({ status: 403, body: { code: 'checkpoint-mismatch' } });
    expect(await enrol({ stationId: 'ST-E1-OTHER', secret: code, checkpointId: 'CP-07' })).toMatchObject({ status: 403, body: { code: 'station-mismatch' } });

    const enrolled = await enrol({ stationId: 'ST-E1', secret: code.replace(/-/g, ''), checkpointId: 'CP-07' });
    expect(enrolled).toMatchObject({ status: 201, body: { stationId: 'ST-E1', checkpointId: 'CP-07' } });
    expect(await verifyStatus(enrolled.body.token, 'CP-07')).toBe(200);

    expect(await enrol({ stationId: 'ST-E1', secret: code, checkpointId: 'CP-07' })).toMatchObject({ status: 401, body: { code: 'enrolment-code-invalid' } });
    expect(await verifyStatus(enrolled.body.token, 'CP-07')).toBe(200);
  });

  it('expires after its hours', async () => {
    const code = issue('ST-E2', 'CP-07', 1);
    clock = new Date(clock.getTime() + hours(1));
    expect(await enrol({ stationId: 'ST-E2', secret: code, checkpointId: 'CP-07' })).toMatchObject({ status: 401, body: { code: 'enrolment-code-expired' } });
  });

  it('is replaced by a newer code for the same station', async () => {
    const first = issue('ST-E3', 'CP-07');
    const second = issue('ST-E3', 'CP-07');
    expect(await enrol({ stationId: 'ST-E3', secret: first, checkpointId: 'CP-07' })).toMatchObject({ status: 401, body: { code: 'enrolment-code-invalid' } });
    expect((await enrol({ stationId: 'ST-E3', secret: second, checkpointId: 'CP-07' })).status).toBe(201);
  });

  it('is stored only as a hash', () => {
    const code = issue('ST-E4', 'CP-07');
    const stored = JSON.stringify(api.db.prepare('SELECT * FROM enrolment_codes').all());
    expect(stored).toContain('ST-E4');
    for (const form of [code, code.replace(/-/g, ''), code.toLowerCase()]) expect(stored).not.toContain(form);
  });

  it('is spent once even by two stations racing with it', async () => {
    const code = issue('ST-E5', 'CP-07');
    const attempts = await Promise.all([1, 2].map(() => enrol({ stationId: 'ST-E5', secret: code, checkpointId: 'CP-07' })));
    expect(attempts.map((attempt) => attempt.status).sort()).toEqual([201, 401]);
  });

  it("re-enrols an enrolled station id, revoking the old token, and may move it to another checkpoint", async () => {
    const old = await api.enrol('ST-E6');
    const moved = await enrol({ stationId: 'ST-E6', secret: issue('ST-E6', 'CP-09'), checkpointId: 'CP-09' });
    expect(moved).toMatchObject({ status: 201, body: { checkpointId: 'CP-09' } });
    expect(await verifyStatus(old)).toBe(401);
    expect(await verifyStatus(moved.body.token, 'CP-09')).toBe(200);
    expect(await verifyStatus(moved.body.token, CHECKPOINT)).toBe(403);
  });
});

describe('the bootstrap secret', () => {
  it('cannot take over an enrolled station id: the station keeps its token and its records', async () => {
    const genuine = await api.enrol('ST-E7');
    const other = await api.enrol('ST-E7-OTHER');
    const takeover = { stationId: 'ST-E7', secret: ENROL_SECRET, checkpointId: CHECKPOINT };
    expect(await enrol(takeover)).toMatchObject({ status: 409, body: { code: 'station-already-enrolled' } });
    expect(await enrol(takeover, other)).toMatchObject({ status: 409, body: { code: 'station-already-enrolled' } });
    expect(await enrol(takeover, 'x'.repeat(43))).toMatchObject({ status: 409, body: { code: 'station-already-enrolled' } });

    expect(await verifyStatus(genuine)).toBe(200);
    const upload = await api.request('/v1/passages/batch', { body: { passages: [passage('ST-E7')] }, token: genuine });
    expect((await readValidated<{ results: PassageResult[] }>('uploadPassages', upload)).results).toMatchObject([{ status: 'accepted' }]);
  });

  it("re-enrols a station that shows its current token, for the checkpoint it is bound to", async () => {
    const first = await api.enrol('ST-E8');
    expect(await enrol({ stationId: 'ST-E8', secret: ENROL_SECRET, checkpointId: 'CP-OTHER' }, first)).toMatchObject({ status: 403, body: { code: 'checkpoint-mismatch' } });
    const second = await enrol({ stationId: 'ST-E8', secret: ENROL_SECRET, checkpointId: CHECKPOINT }, first);
    expect(second).toMatchObject({ status: 201, body: { stationId: 'ST-E8', checkpointId: CHECKPOINT } });
    expect(await verifyStatus(first)).toBe(401);
    expect(await verifyStatus(second.body.token)).toBe(200);
  });
});
