import { describe, expect, it } from 'vitest';
import { listOperations, loadOpenApiDocument } from '../../central-api/openapi';
import { readValidated } from '../helpers/openapi-validator';
import { ENROL_SECRET, startTestApi } from './fixture';

const api = await startTestApi();
const verifyBody = { code: { kind: 'chip-card', idNumber: '001090000001' }, context: { checkpointId: 'CP-01', laneId: 'lane-1', direction: 'entry', scannedAt: new Date().toISOString() } };

describe('central API: contract, enrolment, authentication', () => {
  it('serves every operation of the document', async () => {
    for (const operation of listOperations(loadOpenApiDocument())) {
      const response = await api.request(operation.path, { method: operation.method.toUpperCase(), ...(operation.method !== 'get' && { body: {} }) });
      expect(response.status, `${operation.operationId}`).not.toBe(404);
      await readValidated(operation.operationId, response);
    }
  });

  it('answers health and time without a token', async () => {
    expect(await readValidated('health', await api.request('/v1/health'))).toEqual({ status: 'ok' });
    const { serverTime } = await readValidated<{ serverTime: string }>('serverTime', await api.request('/v1/time'));
    expect(Math.abs(Date.parse(serverTime) - Date.now())).toBeLessThan(5000);
  });

  it('enrols a station with the bootstrap secret and refuses a wrong one', async () => {
    const enrolled = await api.request('/v1/stations/enrol', { body: { stationId: 'ST-A', secret: ENROL_SECRET, checkpointId: 'CP-01', name: 'Làn A' } });
    expect(enrolled.status).toBe(201);
    const body = await readValidated<{ stationId: string; checkpointId: string; token: string }>('enrolStation', enrolled);
    expect(body).toMatchObject({ stationId: 'ST-A', checkpointId: 'CP-01' });

    const wrong = await api.request('/v1/stations/enrol', { body: { stationId: 'ST-A2', secret: 'not-the-secret', checkpointId: 'CP-01' } });
    expect(wrong.status).toBe(401);
    expect(await readValidated('enrolStation', wrong)).toMatchObject({ code: 'enrolment-code-invalid' });

    const malformed = await api.request('/v1/stations/enrol', { body: { stationId: 'ST A!', secret: ENROL_SECRET, checkpointId: 'CP-01', extra: 1 } });
    expect(malformed.status).toBe(400);
    expect(await readValidated('enrolStation', malformed)).toMatchObject({ code: 'invalid_request' });
  });

  it('answers 401 without a token, with a bad one and with a revoked one', async () => {
    const missing = await api.request('/v1/verify', { body: verifyBody });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(await readValidated('verify', missing)).toMatchObject({ code: 'unauthorized' });

    const bad = await api.request('/v1/verify', { body: verifyBody, token: 'x'.repeat(43) });
    expect(bad.status).toBe(401);
    await readValidated('verify', bad);

    const first = await api.enrol('ST-B');
    expect((await api.request('/v1/verify', { body: verifyBody, token: first })).status).toBe(200);
    const second = await api.enrol('ST-B', { token: first });
    const revoked = await api.request('/v1/verify', { body: verifyBody, token: first });
    expect(revoked.status).toBe(401);
    await readValidated('verify', revoked);
    expect((await api.request('/v1/reference/rules', { token: second })).status).toBe(200);
  });

  it('authenticates before it reads the body', async () => {
    const response = await api.request('/v1/passages/batch', { body: { nonsense: true } });
    expect(response.status).toBe(401);
  });

  it('answers a body that is not JSON with a Problem', async () => {
    const response = await fetch(`${api.url}/v1/stations/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"stationId":' });
    expect(response.status).toBe(400);
    expect(await readValidated('enrolStation', response)).toMatchObject({ code: 'invalid_request' });
  });

  it('answers an unknown route with a Problem', async () => {
    const response = await api.request('/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('central API without --test-admin', async () => {
  const plain = await startTestApi({ testAdmin: false });
  it('has no admin endpoints', async () => {
    expect((await plain.request('/admin/passages')).status).toBe(404);
    expect((await plain.request('/admin/faults', { method: 'PUT', body: { faults: [] } })).status).toBe(404);
    expect((await plain.request('/admin/poison', { body: { passageId: crypto.randomUUID() } })).status).toBe(404);
  });
});
