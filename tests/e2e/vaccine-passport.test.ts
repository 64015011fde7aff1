// A vaccine passport at the checkpoint, end to end: the reference server issues an EU DCC signed
// by its test signer, the station fetches the trust list while online, the network goes, and the
// fake camera shows the passport: the officer sees the vaccination summary and a verdict, offline.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralApi } from '../../central-api/server';
import { loadDatabaseKey } from '../../electron/core/db/database-key';
import { closeDatabase, openDatabase } from '../../electron/core/db/open-database';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';
import { searchPassages } from '../../electron/core/store/passage-queries';
import { writeTestVideo } from '../../scripts/make-test-video';
import { connectBridge } from '../helpers/bridge-client';
import { enrolSecret, issueDcc, startTestCentralApi } from '../helpers/central-api';
import { launchChromium, saveScreenshot, watchPageErrors } from '../helpers/chromium';
import { runStationAsync, startStationServe } from '../helpers/station-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const videoDir = mkdtempSync(join(tmpdir(), 'station-dcc-video-'));
const video = join(videoDir, 'passport.y4m');
let apiDir: string;
let api: CentralApi | undefined;
let passport: string;
let browser: Browser | undefined;

beforeAll(async () => {
  apiDir = mkdtempSync(join(tmpdir(), 'station-dcc-api-'));
  api = await startTestCentralApi(apiDir);
  passport = await issueDcc(api.url, { familyName: 'Hoàng', givenName: 'Thu Trang', birthDate: '1992-11-30', dose: 3, seriesDoses: 3, date: '2022-03-08' });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  rmSync(videoDir, { recursive: true, force: true });
  rmSync(apiDir, { recursive: true, force: true });
});

describe('a vaccine passport in front of the webcam, offline', () => {
  it('is verified against the cached trust list: the officer sees the name, the doses and CHECK', { timeout: 180_000 }, async () => {
    // A dense code (a few hundred Base45 characters), held up for a while.
    const manifest = await writeTestVideo({ path: video, texts: [passport], seed: 5, fps: 10, moduleSize: 5, tailFrames: 30 });
    expect(manifest.codes).toHaveLength(1);
    browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);

    const dataDir = tempDir();
    const configFile = join(tempDir(), 'config.json');
    writeFileSync(configFile, JSON.stringify({ lanes: [{ id: 'lane-1', name: 'Làn đi bộ', source: 'webcam:default' }], api: { url: api!.url }, dedupeWindowMs: 600_000 }));
    const enrolled = await runStationAsync(['enrol', '--config', configFile, '--data', dataDir], enrolSecret);
    expect(enrolled.code, enrolled.stderr).toBe(0);
    const station = await startStationServe(['--config', configFile, '--data', dataDir, '--demo-officer']);
    const core = await connectBridge(station);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const errors = watchPageErrors(page);
    try {
      // Online first, long enough for the first sync pass to bring the trust list.
      const trustList = async () => (((await core.invoke('getStatus')).value as { reference: { dccTrustList: { signers: number } } }).reference.dccTrustList.signers);
      await expect.poll(trustList, { timeout: 30_000, interval: 200 }).toBe(1);
      // Then the network goes: the central API is stopped for good.
      await api!.close();
      api = undefined;

      await page.goto(station.url);
      await page.getByTestId('officer-badge').waitFor();
      await expect.poll(() => page.getByTestId('status-bar').getByTestId('connectivity').getAttribute('data-state'), { timeout: 20_000 }).toBe('offline');
      const panel = page.getByTestId('verdict-panel');
      await expect.poll(() => page.getByTestId('last-scan-lane-1').getAttribute('data-verdict'), { timeout: 30_000, interval: 200 }).toBe('check');
      expect(await panel.getByTestId('verdict-name').textContent()).toBe('Hoàng Thu Trang');
      const reasons = (await panel.getByTestId('verdict-reasons').textContent()) ?? '';
      expect(reasons).toContain('Đã tiêm mũi 3/3, ngày 08/03/2022.');
      expect(reasons).toContain('Hộ chiếu vắc-xin có chữ ký hợp lệ');
      expect(await panel.getByTestId('verdict-verification').textContent()).toBe('Xác định ngoại tuyến');
      await saveScreenshot(page, 'vaccine-passport-offline-1366x768');
      expect(errors).toEqual([]);
    } finally {
      core.close();
      await page.close();
      await station.stop();
    }

    const database = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: await loadDatabaseKey({ dataDir, environmentKey: undefined }) });
    const passages = searchPassages(database.db, { limit: 10 });
    closeDatabase(database);
    expect(passages).toHaveLength(1);
    expect(passages[0]).toMatchObject({ codeKind: 'eu-dcc', verdict: 'check', verification: 'offline', identity: { fullName: 'Hoàng Thu Trang', birthDate: '1992-11-30', idNumber: null }, rawPayload: null });
    expect(passages[0]!.reasons).toContainEqual({ code: 'dcc-vaccination', params: { dose: 3, seriesDoses: 3, date: '08/03/2022' } });
  });
});
