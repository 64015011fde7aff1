import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDatabaseKey } from '../../electron/core/db/database-key';
import { closeDatabase, openDatabase } from '../../electron/core/db/open-database';
import { searchPassages } from '../../electron/core/store/passage-queries';
import { writeTestVideo, type TestVideoManifest } from '../../scripts/make-test-video';
import { launchChromium, saveScreenshot, watchPageErrors } from '../helpers/chromium';
import { startStationServe } from '../helpers/station-cli';
import { useTempDirs } from '../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';

const tempDir = useTempDirs();
// Kept for the whole file (Chromium reads it for as long as it runs), unlike tempDir()'s per-test folders.
const videoDir = mkdtempSync(join(tmpdir(), 'station-webcam-'));
const video = join(videoDir, 'webcam.y4m');
const fps = 10;
let manifest: TestVideoManifest;
let browser: Browser;

beforeAll(async () => {
  // Large codes and a 6 s empty tail: Chromium loops the file, and the test stops before the second loop.
  manifest = await writeTestVideo({ path: video, codes: 4, seed: 21, fps, moduleSize: 6, tailFrames: 6 * fps });
  browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
});
afterAll(async () => {
  await browser?.close();
  rmSync(videoDir, { recursive: true, force: true });
});

describe('webcam lane in Chromium', () => {
  it('a 1280×720 camera showing N codes gives exactly N passages, in order, decoded in the page', async () => {
    const dataDir = tempDir();
    const configFile = join(tempDir(), 'config.json');
    writeFileSync(configFile, JSON.stringify({ lanes: [{ id: 'lane-1', name: 'Làn xe máy', source: 'webcam:default' }] }));
    const station = await startStationServe(['--config', configFile, '--data', dataDir, '--demo-officer']);
    let hiddenAt = Number.POSITIVE_INFINITY;
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = watchPageErrors(page);
    try {
      await page.goto(station.url);
      const preview = page.getByTestId('preview-lane-1');
      await expect.poll(() => preview.getAttribute('data-state'), { timeout: 20_000, interval: 50 }).toBe('live');
      const openedAt = Date.now();
      expect(await preview.evaluate((element: HTMLVideoElement) => [element.videoWidth, element.videoHeight])).toEqual([1280, 720]);

      // Past the last code of the first loop, well before the loop's end.
      const lastCodeEndsMs = ((manifest.codes.at(-1)!.lastFrame + 1) / fps) * 1000;
      expect(manifest.frameCount / fps).toBeGreaterThan(lastCodeEndsMs / 1000 + 4);
      await page.getByTestId('overlay-lane-1').waitFor({ timeout: 20_000 });
      await saveScreenshot(page, 'webcam-lane-1366x900');
      // The officer opens the history while codes are still being shown: the camera goes on scanning.
      await page.keyboard.press('Alt+3');
      hiddenAt = Date.now();
      await page.getByTestId('history-table').waitFor();
      await page.waitForTimeout(Math.max(0, openedAt + lastCodeEndsMs + 2500 - Date.now()));
      expect(await page.getByTestId('last-scan-lane-1').getAttribute('data-verdict')).toMatch(/^(pass|check)$/);
      await expect.poll(() => page.getByTestId('history-row').count()).toBe(manifest.codes.length);
      // Before stopping: a stopped station makes the page's reconnect attempts log errors.
      expect(errors).toEqual([]);
      await station.stop();
    } finally {
      await page.close();
      await station.stop();
    }

    const database = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: await loadDatabaseKey({ dataDir, environmentKey: undefined }) });
    const passages = searchPassages(database.db, { limit: 500 }).reverse();
    closeDatabase(database);
    expect(passages.map((passage) => passage.identity.idNumber)).toEqual(manifest.codes.map((code) => code.text.split('|')[0]));
    expect(passages.every((passage) => passage.laneId === 'lane-1' && passage.codeKind === 'chip-card')).toBe(true);
    // Some of them were decoded while the scan screen was hidden behind the history.
    expect(passages.some((passage) => Date.parse(passage.scannedAt) > hiddenAt)).toBe(true);
  });
});
