import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../electron/core/central/api-errors';
import { createApiClient } from '../../../electron/core/central/api-client';
import { checkApiUrl } from '../../../electron/core/central/transport-policy';
import { backoffDelayMs } from '../../../electron/core/sync/backoff';

describe('API transport policy', () => {
  it('allows https anywhere and plain http only to this machine', () => {
    expect(checkApiUrl('https://api.example.gov.vn').ok).toBe(true);
    for (const local of ['http://127.0.0.1:8787', 'http://127.8.9.10/', 'http://localhost:1', 'http://[::1]:80']) expect(checkApiUrl(local).ok, local).toBe(true);
    for (const remote of ['http://10.0.0.5', 'http://api.example.gov.vn', 'http://127.0.0.1.evil.com', 'ftp://127.0.0.1', 'not a url']) expect(checkApiUrl(remote).ok, remote).toBe(false);
    expect(() => createApiClient({ baseUrl: 'http://192.0.2.1', token: null })).toThrow(/use https/);
  });
});

describe('backoff', () => {
  it('waits a random time under an exponentially growing, capped ceiling', () => {
    const delays = [0, 1, 2, 3, 10, 40].map((attempt) => backoffDelayMs(attempt, { baseMs: 100, capMs: 5000, retryAfterMs: null, random: () => 0.999 }));
    expect(delays).toEqual([99, 199, 399, 799, 4995, 4995]);
    expect(backoffDelayMs(5, { baseMs: 100, capMs: 5000, retryAfterMs: null, random: () => 0 })).toBe(0);
  });

  it('never retries before the server’s Retry-After', () => {
    expect(backoffDelayMs(0, { baseMs: 100, capMs: 5000, retryAfterMs: 3000, random: () => 0.5 })).toBe(3000);
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
});
