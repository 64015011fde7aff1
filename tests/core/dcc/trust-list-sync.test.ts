// The station keeps the central API's vaccine-passport trust list with its age, and verifies
// passports against it with the network gone.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../electron/core/central/api-client';
import { createReferenceCache } from '../../../electron/core/central/reference-cache';
import { openTrustListCache, TRUST_LIST_FILE, trustListMacKey } from '../../../electron/core/dcc/trust-list-cache';
import { databaseFileName } from '../../../electron/core/db/data-folder';
import { closeDatabase, openDatabase } from '../../../electron/core/db/open-database';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';
import { createPassageAlerts } from '../../../electron/core/store/passage-alerts';
import { createOutbox } from '../../../electron/core/sync/outbox';
import { createSyncEngine } from '../../../electron/core/sync/sync-engine';
import { DEFAULT_RULE_SET } from '../../../shared/rules/default-rules';
import { keyIdOf } from '../../../electron/core/dcc/trust-list';
import { makeDcc, makeSigner } from '../../helpers/dcc-fixtures';
import { testKey } from '../../helpers/fixtures';
import { createMemoryLogger } from '../../helpers/memory-logger';
import { issueDcc, setFaults, startTestCentralApi } from '../../helpers/central-api';
import { enrol, startStation, useClosing } from '../../helpers/enrolled-station';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const closing = useClosing();

describe('the vaccine-passport trust list', () => {
  it('is fetched with the reference data, asked again by ETag, and verifies a passport after the server is gone', async () => {
    const api = closing(await startTestCentralApi(tempDir()));
    const dataDir = tempDir();
    const enrolment = await enrol(api.url);
    const station = closing(startStation(dataDir, enrolment));
    expect(station.status().reference.dccTrustList).toMatchObject({ signers: 0, fetchedAt: null, stale: true, damaged: false });

    expect((await station.sync.runPass()).error).toBeNull();
    const first = station.status().reference.dccTrustList;
    expect(first).toMatchObject({ signers: 1, stale: false, damaged: false });
    expect(station.status().reference.dccRulesVersion).toBe('vn-reference-1');
    expect(existsSync(join(dataDir, TRUST_LIST_FILE))).toBe(true);
    expect((await station.sync.runPass()).error).toBeNull();
    expect(station.status().reference.dccTrustList.version).toBe(first.version);

    const passport = await issueDcc(api.url);
    const expired = await issueDcc(api.url, { validDays: -5 });
    await api.close();
    await station.close();

    const offline = closing(startStation(dataDir, enrolment));
    const result = await offline.processScan({ laneId: 'manual', code: { raw: passport } });
    expect(result).toMatchObject({ verdict: 'check', verification: 'offline', codeKind: 'eu-dcc', person: { fullName: expect.any(String) } });
    expect(result.reasons.map((reason) => reason.code)).toEqual(['dcc-identity-document', 'dcc-vaccination']);
    expect(result.reasons[1]).toEqual({ code: 'dcc-vaccination', params: { dose: 2, seriesDoses: 2, date: '15/10/2021' } });
    const recorded = offline.store.get(result.passageId!);
    expect(recorded).toMatchObject({ codeKind: 'eu-dcc', identity: { fullName: 'Hoàng Thu Trang', idNumber: null, birthDate: '1992-11-30' }, verdict: 'check', rawPayload: null });
    expect(JSON.stringify(recorded)).not.toMatch(/UVCI|ORG-100030215|HC1:/);

    const refused = await offline.processScan({ laneId: 'manual', code: { raw: expired } });
    expect(refused.verdict).toBe('invalid');
    expect(refused.reasons.map((reason) => reason.code)).toContain('dcc.expired');
  });

  it('keeps the old list when the server serves one with a wrong key id, and the pass goes on', async () => {
    const api = closing(await startTestCentralApi(tempDir()));
    const dataDir = tempDir();
    const enrolment = await enrol(api.url);
    const station = closing(startStation(dataDir, enrolment));
    expect((await station.sync.runPass()).error).toBeNull();
    const before = station.status().reference.dccTrustList;
    await station.close();

    const honest = createApiClient({ baseUrl: api.url, token: enrolment.token });
    const lying: ApiClient = {
      ...honest,
      async getDccTrustList() {
        const served = await honest.getDccTrustList(null);
        if (!served.changed) throw new Error('expected a list');
        return { changed: true, value: { version: 'tampered', signers: served.value.signers.map((signer) => ({ ...signer, kid: 'AAAAAAAAAAA=' })) }, etag: '"tampered"' };
      },
    };
    const database = openDatabase(join(dataDir, databaseFileName), { driver: nodeDatabaseDriver, key: testKey });
    try {
      const alerts = createPassageAlerts(database.db);
      const trustList = openTrustListCache(dataDir, 86_400_000, trustListMacKey(testKey));
      const sync = createSyncEngine({ outbox: createOutbox(database.db, enrolment.stationId, alerts), alerts, api: lying, reference: createReferenceCache(database.db, DEFAULT_RULE_SET, 86_400_000), trustList, logger: createMemoryLogger().logger, onChange() {}, onRetroAlert() {}, onStorageError() {} });
      expect((await sync.runPass()).error).toBeNull();
      expect(trustList.status(new Date())).toMatchObject({ version: before.version, signers: 1 });
      await sync.stop();
    } finally {
      closeDatabase(database);
    }
  });

  it('never holds back the upload when the vaccine-passport endpoints fail', async () => {
    const api = closing(await startTestCentralApi(tempDir()));
    const station = closing(startStation(tempDir(), await enrol(api.url)));
    await setFaults(api.url, [{ kind: 'error-500', probability: 1, paths: ['/v1/reference/dcc-rules', '/v1/reference/dcc-trust-list'] }]);
    await station.processScan({ laneId: 'manual', code: { raw: await issueDcc(api.url) } });
    const pass = await station.sync.runPass();
    expect(pass).toMatchObject({ error: null, uploaded: 1, remaining: 0 });
    expect(station.status().reference).toMatchObject({ dccRulesVersion: 'none', dccTrustList: { signers: 0, stale: true } });
  });

  it('trusts no signer from a file that fails its HMAC: a signer added by hand is refused', async () => {
    const api = closing(await startTestCentralApi(tempDir()));
    const dataDir = tempDir();
    const station = closing(startStation(dataDir, await enrol(api.url)));
    expect((await station.sync.runPass()).error).toBeNull();
    await station.close();
    // Someone with write access to the data folder, not the key, puts their own signer in.
    const forger = await makeSigner({ name: 'CN=Forger, C=VN' });
    const file = JSON.parse(readFileSync(join(dataDir, TRUST_LIST_FILE), 'utf8')) as { body: string; mac: string };
    const body = JSON.parse(file.body) as { list: { signers: unknown[] } };
    body.list.signers.push({ kid: keyIdOf(forger.certificate.raw), country: 'VN', certificate: forger.certificate.raw.toString('base64') });
    writeFileSync(join(dataDir, TRUST_LIST_FILE), JSON.stringify({ body: JSON.stringify(body), mac: file.mac }));

    const reopened = closing(startStation(dataDir, null));
    expect(reopened.status().reference.dccTrustList).toMatchObject({ signers: 0, damaged: true });
    const forged = await reopened.processScan({ laneId: 'manual', code: { raw: makeDcc(forger) } });
    expect(forged.reasons.map((reason) => reason.code)).toEqual(['dcc.unknown-signer']);
  });

  it('keeps each confirmation in memory, and writes one to the file at most hourly', async () => {
    const dataDir = tempDir();
    const signer = await makeSigner();
    const list = { version: 'v1', signers: [{ kid: keyIdOf(signer.certificate.raw), country: 'VN', certificate: signer.certificate.raw.toString('base64') }] };
    const key = trustListMacKey(testKey);
    const fetchedAt = new Date('2026-06-01T08:00:00Z');
    const cache = openTrustListCache(dataDir, 86_400_000, key);
    await cache.store(list, '"e1"', fetchedAt);
    const written = () => readFileSync(join(dataDir, TRUST_LIST_FILE), 'utf8');
    const before = written();
    await cache.confirm(new Date(fetchedAt.getTime() + 10 * 60_000));
    expect(cache.status(new Date(fetchedAt.getTime() + 10 * 60_000)).fetchedAt).toBe('2026-06-01T08:10:00.000Z');
    expect(written()).toBe(before);
    // After a restart the list looks as old as the last write: older, never younger, than it is.
    expect(openTrustListCache(dataDir, 86_400_000, key).status(fetchedAt).fetchedAt).toBe(fetchedAt.toISOString());
    await cache.confirm(new Date(fetchedAt.getTime() + 2 * 3_600_000));
    expect(openTrustListCache(dataDir, 86_400_000, key).status(fetchedAt)).toMatchObject({ fetchedAt: '2026-06-01T10:00:00.000Z', signers: 1, damaged: false });
  });

  it('says a damaged file is damaged, and then knows no signer', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, TRUST_LIST_FILE), '{"list": {"version": 3');
    const station = closing(startStation(dataDir, null));
    expect(station.status().reference.dccTrustList).toMatchObject({ signers: 0, damaged: true, stale: true });
    const api = closing(await startTestCentralApi(tempDir()));
    const result = await station.processScan({ laneId: 'manual', code: { raw: await issueDcc(api.url) } });
    expect(result.verdict).toBe('invalid');
    expect(result.reasons.map((reason) => reason.code)).toEqual(['dcc.unknown-signer']);
  });
});
