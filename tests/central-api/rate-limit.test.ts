import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listOperations, loadOpenApiDocument } from '../../central-api/openapi';
import { readValidated } from '../helpers/openapi-validator';
import { ENROL_SECRET, startTestApi } from './fixture';

// Every /v1 and /vneid operation is limited as the document's `x-rate-limit` says: per station for
// a request with a valid station token, per client address otherwise. 127.0.0.2 and 127.0.0.3 are
// other clients than 127.0.0.1: the whole of 127.0.0.0/8 is this machine's loopback.

const doc = loadOpenApiDocument();
const api = await startTestApi();
const [first, second] = [await api.enrol('ST-RL-1'), await api.enrol('ST-RL-2')];
const limitOf = (operationId: string) => listOperations(doc).find((operation) => operation.operationId === operationId)!.rateLimit!;
const verifyBody = { code: { kind: 'chip-card', idNumber: '001090000001' }, context: { checkpointId: 'CP-01', laneId: 'lane-1', direction: 'entry', scannedAt: new Date().toISOString() } };

/** A request from `localAddress`, answered as a fetch Response. */
function requestFrom(localAddress: string, path: string, body: unknown, token?: string): Promise<Response> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const sent = httpRequest(`${api.url}${path}`, {
      method: 'POST',
      localAddress,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token !== undefined && { authorization: `Bearer ${token}` }) },
    });
    sent.once('error', reject);
    sent.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => resolve(new Response(Buffer.concat(chunks), { status: response.statusCode ?? 0, headers: response.headers as Record<string, string> })));
    });
    sent.end(payload);
  });
}

/** `count` verifications with `token`, a few at a time; their statuses. */
async function verifications(token: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let sent = 0; sent < count; sent += 20) {
    const round = Array.from({ length: Math.min(20, count - sent) }, () => api.request('/v1/verify', { body: verifyBody, token }).then(async (response) => (await response.arrayBuffer(), response.status)));
    statuses.push(...(await Promise.all(round)));
  }
  return statuses;
}

describe('rate limits', () => {
  it('answer every limited operation with the limit the document declares; the test-only admin routes are not limited', async () => {
    for (const operation of listOperations(doc)) {
      const response = await api.request(operation.path, { method: operation.method.toUpperCase(), token: first, ...(operation.method !== 'get' && { body: {} }) });
      await response.arrayBuffer();
      if (operation.rateLimit === undefined) {
        expect(operation.path, operation.operationId).toMatch(/^\/admin\//);
        expect(response.headers.get('x-ratelimit-limit'), operation.operationId).toBeNull();
        continue;
      }
      expect(response.headers.get('x-ratelimit-limit'), operation.operationId).toBe(String(operation.rateLimit.max));
      expect(Number(response.headers.get('x-ratelimit-reset')), operation.operationId).toBeLessThanOrEqual(operation.rateLimit.windowSeconds);
    }
    for (let i = 0; i < 50; i += 1) expect((await api.request('/admin/faults', { method: 'PUT', body: { faults: [] } })).status).toBe(204);
  });

  it('past its limit a station gets 429 with Retry-After; another station, and its own other operations, are unaffected', async () => {
    const { max, windowSeconds } = limitOf('verify');
    // One verification was spent by the test above.
    expect(new Set(await verifications(first, max - 1))).toEqual(new Set([200]));
    const throttled = await api.request('/v1/verify', { body: verifyBody, token: first });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(throttled.headers.get('retry-after'))).toBeLessThanOrEqual(windowSeconds);
    expect(throttled.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await readValidated('verify', throttled)).toMatchObject({ code: 'rate_limited' });

    const other = await api.request('/v1/verify', { body: verifyBody, token: second });
    expect(other.status).toBe(200);
    expect(Number(other.headers.get('x-ratelimit-remaining'))).toBe(max - 1);
    expect((await api.request('/v1/reference/rules', { token: first })).status).toBe(200);
  });

  it('counts requests without a valid token per address: past the limit that address gets 429, another does not', async () => {
    const { max } = limitOf('enrolStation');
    const attempt = { stationId: 'ST-RL-NEW', secret: 'not-the-secret', checkpointId: 'CP-01' };
    for (let i = 0; i < max; i += 1) expect((await requestFrom('127.0.0.2', '/v1/stations/enrol', attempt)).status).toBe(401);
    const throttled = await requestFrom('127.0.0.2', '/v1/stations/enrol', { ...attempt, secret: ENROL_SECRET });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await readValidated('enrolStation', throttled)).toMatchObject({ code: 'rate_limited' });

    const elsewhere = await requestFrom('127.0.0.3', '/v1/stations/enrol', { ...attempt, secret: ENROL_SECRET });
    expect(await readValidated('enrolStation', elsewhere)).toMatchObject({ stationId: 'ST-RL-NEW' });
    expect(elsewhere.headers.get('x-ratelimit-remaining')).toBe(String(max - 1));
  });

  it('counts a refused token against the address it came from, before the 401, not against any station', async () => {
    const remaining = async (token: string) => {
      const response = await requestFrom('127.0.0.4', '/v1/verify', verifyBody, token);
      await response.arrayBuffer();
      return [response.status, Number(response.headers.get('x-ratelimit-remaining'))];
    };
    const { max } = limitOf('verify');
    expect(await remaining('x'.repeat(43))).toEqual([401, max - 1]);
    expect(await remaining('y'.repeat(43))).toEqual([401, max - 2]);
    // The station's own count goes on (its second verification), wherever it asks from.
    expect(await remaining(second)).toEqual([200, max - 2]);
  });
});
