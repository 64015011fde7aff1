// The reference server's vaccine passports: a versioned trust list with an ETag, and in test mode
// certificates signed by its own test signer that the station's reader accepts.

import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyCode } from '../../shared/codes';
import { REFERENCE_DCC_RULES } from '../../central-api/dcc/business-rules';
import { dccRuleSetSchema, type DccRuleSet, type DccTrustListBody } from '../../shared/central/schemas';
import { createEuDccReader } from '../../electron/core/dcc/read-eu-dcc';
import { openTrustListCache, trustListFromBody } from '../../electron/core/dcc/trust-list-cache';
import { readValidated } from '../helpers/openapi-validator';
import { startTestApi } from './fixture';

const api = await startTestApi();
const token = await api.enrol();

const issue = (body: Record<string, unknown>) => api.request('/admin/dcc', { body });
const vaccination = { type: 'vaccination', familyName: 'Phạm', givenName: 'Văn Đức', birthDate: '1979-03-02', dose: 3, seriesDoses: 3, date: '2022-02-14' };

describe('GET /v1/reference/dcc-trust-list', () => {
  it('serves the test signer, versioned, with an ETag and 304 for a matching If-None-Match', async () => {
    const first = await api.request('/v1/reference/dcc-trust-list', { token });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    const list = await readValidated<DccTrustListBody>('getDccTrustList', first);
    expect(list.signers).toHaveLength(1);
    expect(trustListFromBody(list).signers).toHaveLength(1);
    const again = await api.request('/v1/reference/dcc-trust-list', { token, headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it('needs a station token', async () => {
    expect((await api.request('/v1/reference/dcc-trust-list')).status).toBe(401);
  });

  it('keeps the same signer across a restart of the server', async () => {
    const before = await readValidated<DccTrustListBody>('getDccTrustList', await api.request('/v1/reference/dcc-trust-list', { token }));
    const again = await startTestApi({ testAdmin: true, dataDir: api.dataDir });
    try {
      const after = await readValidated<DccTrustListBody>('getDccTrustList', await again.request('/v1/reference/dcc-trust-list', { token: await again.enrol('station-2') }));
      expect(after).toEqual(before);
    } finally {
      await again.close();
    }
  });
});

describe('GET /v1/reference/dcc-rules', () => {
  it('serves the business rules and their value sets with an ETag, and 304 for a matching If-None-Match', async () => {
    const first = await api.request('/v1/reference/dcc-rules', { token });
    expect(first.status).toBe(200);
    const rules = await readValidated<DccRuleSet>('getDccRules', first);
    expect(rules).toEqual(REFERENCE_DCC_RULES);
    expect(dccRuleSetSchema.parse(rules)).toEqual(rules);
    const again = await api.request('/v1/reference/dcc-rules', { token, headers: { 'if-none-match': first.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });
});

describe('POST /admin/dcc (test mode)', () => {
  it('issues a certificate the station verifies against the served trust list, offline', async () => {
    const response = await issue(vaccination);
    expect(response.status).toBe(201);
    const { qr } = (await response.json()) as { qr: string };
    const list = await readValidated<DccTrustListBody>('getDccTrustList', await api.request('/v1/reference/dcc-trust-list', { token }));
    const cache = openTrustListCache(mkdtempSync(join(tmpdir(), 'trust-')), 86_400_000, randomBytes(32));
    await cache.store(list, null, new Date());
    const code = classifyCode(qr, { readEuDcc: createEuDccReader(() => cache.current()) });
    expect(code).toMatchObject({ kind: 'eu-dcc', valid: true, fields: { fullName: 'Phạm Văn Đức', certificate: { type: 'vaccination', dose: 3, seriesDoses: 3 } } });
  });

  it('issues an expired one on request, and refuses a type without its fields', async () => {
    expect((await issue({ ...vaccination, validDays: -10 })).status).toBe(201);
    const refused = await issue({ type: 'test', familyName: 'A', givenName: 'B', birthDate: '' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'invalid_request' });
  });

  it('is not served outside test mode, and the trust list is then empty', async () => {
    const plain = await startTestApi({ testAdmin: false });
    try {
      expect((await plain.request('/admin/dcc', { body: vaccination })).status).toBe(404);
      const list = await readValidated<DccTrustListBody>('getDccTrustList', await plain.request('/v1/reference/dcc-trust-list', { token: await plain.enrol() }));
      expect(list.signers).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
