import { describe, expect, it } from 'vitest';
import { insertCitizen } from '../../central-api/db/citizens';
import { setFaults } from '../helpers/central-api';
import { ENROL_SECRET, startTestApi } from './fixture';

const api = await startTestApi();
const token = await api.enrol('ST-HEADERS');
const verifyBody = (idNumber: string, checkpointId = 'CP-01') => ({ code: { kind: 'chip-card', idNumber }, context: { checkpointId, laneId: 'lane-1', direction: 'entry', scannedAt: new Date().toISOString() } });
// Breaks the document's Citizen (no such date): verifying it is a server error, answered 500.
insertCitizen(api.db, { idNumber: '001090999998', fullName: 'Lê Văn Hỏng', birthDate: '1990-13-45', sex: 'male' }, []);

/** What every answer carries, whatever its status and whichever part of the server gave it. */
const securityHeaders = {
  'content-security-policy': "default-src 'none';frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'x-permitted-cross-domain-policies': 'none',
  'x-dns-prefetch-control': 'off',
};

const answers: [string, number, () => Promise<Response>][] = [
  ['health', 200, () => api.request('/v1/health')],
  ['enrolment', 201, () => api.request('/v1/stations/enrol', { body: { stationId: 'ST-HEADERS-2', secret: ENROL_SECRET, checkpointId: 'CP-01' } })],
  ['an admin route', 204, () => api.request('/admin/faults', { method: 'PUT', body: { faults: [] } })],
  ['rules not modified', 304, () => api.request('/v1/reference/rules', { token, headers: { 'if-none-match': '*' } })],
  ['a body that is not JSON', 400, () => fetch(`${api.url}/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{' })],
  ['no token', 401, () => api.request('/v1/verify', { body: verifyBody('001090000001') })],
  ['another checkpoint', 403, () => api.request('/v1/verify', { body: verifyBody('001090000001', 'CP-99'), token })],
  ['an unknown route', 404, () => api.request('/v1/nothing-here')],
  ['a body too large', 413, () => api.request('/v1/verify', { body: { padding: 'x'.repeat(70_000) }, token })],
  ['an answer outside the contract', 500, () => api.request('/v1/verify', { body: verifyBody('001090999998'), token })],
];

describe('security headers', () => {
  it.each(answers)('are on every answer: %s (%i)', async (_, status, send) => {
    const response = await send();
    await response.arrayBuffer();
    expect(response.status).toBe(status);
    expect(Object.fromEntries(Object.keys(securityHeaders).map((name) => [name, response.headers.get(name)]))).toEqual(securityHeaders);
    expect(response.headers.get('x-powered-by')).toBeNull();
    // No browser is a client: no page may read an answer from elsewhere.
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    // The rules are public and revalidated by ETag; every other answer may name a citizen.
    expect(response.headers.get('cache-control')).toBe(status === 304 ? 'no-cache' : 'no-store');
  });

  it('are on an answer a fault gives before authentication or any route runs', async () => {
    await setFaults(api.url, [{ kind: 'rate-limit-429', probability: 1 }]);
    const throttled = await api.request('/v1/health');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('content-security-policy')).toBe(securityHeaders['content-security-policy']);
    await setFaults(api.url, []);
  });
});
