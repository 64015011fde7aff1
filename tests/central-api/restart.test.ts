import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addToDenyList, findCitizens } from '../../central-api';
import { readValidated } from '../helpers/openapi-validator';
import { passage, startTestApi } from './fixture';

const dataDir = mkdtempSync(join(tmpdir(), 'central-api-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('restart', () => {
  it('keeps stations, passages, the register and the deny list in its database', async () => {
    const first = await startTestApi({ dataDir, population: 500 });
    const token = await first.enrol('ST-R1');
    const item = passage('ST-R1');
    expect((await first.request('/v1/passages/batch', { body: { passages: [item] }, token })).status).toBe(200);
    addToDenyList(first.db, '001099000001', 'wanted');
    const versionBefore = ((await (await first.request('/v1/reference/deny-list', { token })).json()) as { version: number }).version;
    await first.close();

    // A different population size must not reseed an existing register.
    const second = await startTestApi({ dataDir, population: 50 });
    expect(findCitizens(second.db)).toHaveLength(500);
    const passages = await readValidated<{ id: string }[]>('adminListPassages', await second.request('/admin/passages'));
    expect(passages.map((row) => row.id)).toEqual([item.id]);
    const again = await second.request('/v1/passages/batch', { body: { passages: [item] }, token });
    expect(await readValidated('uploadPassages', again)).toEqual({ results: [{ id: item.id, status: 'duplicate' }] });
    const delta = await readValidated<{ version: number; added: { idNumber: string }[] }>('getDenyList', await second.request(`/v1/reference/deny-list?since=${versionBefore - 1}`, { token }));
    expect(delta).toMatchObject({ version: versionBefore, full: false, added: [{ idNumber: '001099000001', reason: 'wanted' }] });
  });
});
