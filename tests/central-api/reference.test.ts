import { describe, expect, it } from 'vitest';
import { addToDenyList, findCitizens, removeFromDenyList, type DenyListDelta } from '../../central-api';
import { DEFAULT_RULE_SET } from '../../shared/rules/default-rules';
import { readValidated } from '../helpers/openapi-validator';
import { startTestApi } from './fixture';

const api = await startTestApi();
const token = await api.enrol();

async function denyList(since?: number | string): Promise<DenyListDelta> {
  const response = await api.request(`/v1/reference/deny-list${since === undefined ? '' : `?since=${since}`}`, { token });
  expect(response.status).toBe(200);
  return readValidated<DenyListDelta>('getDenyList', response);
}

describe('GET /v1/reference/rules', () => {
  it('serves the default rule set with an ETag, and 304 for a matching If-None-Match', async () => {
    const first = await api.request('/v1/reference/rules', { token });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await readValidated('getRules', first)).toEqual(DEFAULT_RULE_SET);

    for (const ifNoneMatch of [etag ?? '', `W/${etag}`, `"other", ${etag}`, '*']) {
      const cached = await api.request('/v1/reference/rules', { token, headers: { 'if-none-match': ifNoneMatch } });
      expect(cached.status, ifNoneMatch).toBe(304);
      expect(cached.headers.get('etag')).toBe(etag);
      expect(await readValidated('getRules', cached)).toBeUndefined();
    }
    const stale = await api.request('/v1/reference/rules', { token, headers: { 'if-none-match': '"an-older-set"' } });
    expect(stale.status).toBe(200);
    await readValidated('getRules', stale);
  });
});

describe('GET /v1/reference/deny-list', () => {
  it('gives the full list without since: every seeded citizen with a blocking status', async () => {
    const full = await denyList();
    expect(full.full).toBe(true);
    const blocked = findCitizens(api.db, { denyListed: true });
    expect(full.added.map((entry) => entry.idNumber).sort()).toEqual(blocked.map((citizen) => citizen.idNumber).sort());
    expect(new Set(full.added.map((entry) => entry.reason))).toEqual(new Set(['wanted', 'denied-entry', 'confirmed-case']));
    expect(full.removed).toEqual([]);
  });

  it('gives only what changed since a version; every change bumps the version', async () => {
    const { version } = await denyList();
    expect(await denyList(version)).toEqual({ version, full: false, added: [], removed: [] });

    const [clean] = findCitizens(api.db, { status: 'none', limit: 1 });
    const [wanted] = findCitizens(api.db, { status: 'wanted', limit: 1 });
    if (!clean || !wanted) throw new Error('seeded register incomplete');
    addToDenyList(api.db, clean.idNumber, 'denied-entry');
    removeFromDenyList(api.db, wanted.idNumber);

    expect(await denyList(version)).toEqual({ version: version + 2, full: false, added: [{ idNumber: clean.idNumber, reason: 'denied-entry' }], removed: [wanted.idNumber] });
    expect(await denyList(version + 1)).toEqual({ version: version + 2, full: false, added: [], removed: [wanted.idNumber] });
    const full = await denyList();
    expect(full.added.map((entry) => entry.idNumber)).toContain(clean.idNumber);
    expect(full.added.map((entry) => entry.idNumber)).not.toContain(wanted.idNumber);
  });

  it('falls back to the full list for a version too old or from another server', async () => {
    const { version } = await denyList();
    expect((await denyList(0)).full).toBe(true);
    expect((await denyList(version + 100)).full).toBe(true);
  });

  it('refuses a since that is not a version', async () => {
    const response = await api.request('/v1/reference/deny-list?since=yesterday', { token });
    expect(response.status).toBe(400);
    await readValidated('getDenyList', response);
  });
});
