import { afterEach, describe, expect, it } from 'vitest';
import type { FaultPlan } from '../../central-api';
import { readValidated, validateRequest } from '../helpers/openapi-validator';
import { passage, startTestApi } from './fixture';

const api = await startTestApi();
const token = await api.enrol('ST-F1');

async function setFaults(plan: FaultPlan): Promise<void> {
  validateRequest('adminSetFaults', plan);
  const response = await api.request('/admin/faults', { method: 'PUT', body: plan });
  expect(response.status).toBe(204);
}

afterEach(() => setFaults({ faults: [] }));

describe('fault injection, seen by a plain fetch client', () => {
  it('delays answers', async () => {
    await setFaults({ faults: [{ kind: 'latency', probability: 1, latencyMs: 300 }] });
    const started = performance.now();
    const response = await api.request('/v1/health');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(await readValidated('health', response)).toEqual({ status: 'ok' });
  });

  it('fails with 500, and throttles with 429 and Retry-After', async () => {
    await setFaults({ faults: [{ kind: 'error-500', probability: 1 }] });
    const failed = await api.request('/v1/time');
    expect(failed.status).toBe(500);
    expect(await readValidated('serverTime', failed)).toMatchObject({ code: 'internal' });

    await setFaults({ faults: [{ kind: 'rate-limit-429', probability: 1, retryAfterSeconds: 3 }] });
    const throttled = await api.request('/v1/reference/rules', { token });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(await readValidated('getRules', throttled)).toMatchObject({ code: 'rate_limited' });
  });

  it('drops the connection mid-response', async () => {
    await setFaults({ faults: [{ kind: 'reset', probability: 1 }] });
    const response = await api.request('/v1/time');
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('trickles the body out', async () => {
    await setFaults({ faults: [{ kind: 'slow-body', probability: 1, latencyMs: 400 }] });
    const started = performance.now();
    const response = await api.request('/v1/reference/rules', { token });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    expect(performance.now() - started).toBeGreaterThanOrEqual(350);
    const text = Buffer.concat(chunks).toString('utf8');
    await readValidated('getRules', new Response(text, { status: 200 }));
  });

  it('strikes only the paths named, and never /admin', async () => {
    await setFaults({ faults: [{ kind: 'error-500', probability: 1, paths: ['/v1/time'] }] });
    expect((await api.request('/v1/time')).status).toBe(500);
    expect((await api.request('/v1/health')).status).toBe(200);

    await setFaults({ faults: [{ kind: 'error-500', probability: 1 }] });
    expect((await api.request('/admin/passages')).status).toBe(200);
    expect((await api.request('/citizen/api/registrations', { body: { idNumber: '001099999999', phone: '0912345678', fullName: 'Không Có', birthDate: '1999-01-01', sex: 'male' } })).status).toBe(422);
  });

  it('repeats the same draws for the same seed', async () => {
    const statuses = async () => {
      await setFaults({ seed: 42, faults: [{ kind: 'error-500', probability: 0.5 }] });
      const seen: number[] = [];
      for (let i = 0; i < 20; i++) seen.push((await api.request('/v1/health')).status);
      return seen;
    };
    const first = await statuses();
    expect(new Set(first)).toEqual(new Set([200, 500]));
    expect(await statuses()).toEqual(first);
  });

  it('stores a batch whose answer was lost; the retry answers duplicate', async () => {
    const item = passage('ST-F1');
    await setFaults({ faults: [{ kind: 'reset', probability: 1, paths: ['/v1/passages/batch'] }] });
    await expect(api.request('/v1/passages/batch', { body: { passages: [item] }, token }).then((response) => response.text())).rejects.toThrow();
    await setFaults({ faults: [] });
    const retry = await api.request('/v1/passages/batch', { body: { passages: [item] }, token });
    expect(await readValidated('uploadPassages', retry)).toEqual({ results: [{ id: item.id, status: 'duplicate' }] });
  });
});
