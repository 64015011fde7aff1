import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDatabaseKey } from '../../electron/core/db/database-key';
import { openDatabaseReadOnly } from '../../electron/core/db/open-database';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';
import { searchPassages } from '../../electron/core/store/passage-queries';
import { writeTestVideo } from '../../scripts/make-test-video';
import { seriousAccessibilityViolations } from '../helpers/axe';
import { launchChromium, saveScreenshot, watchPageErrors } from '../helpers/chromium';
import { startStationServe } from '../helpers/station-cli';
import { addOfficerInApp, signIn } from '../helpers/officer-pages';
import { useTempDirs } from '../helpers/temp-dir';

// A fresh install, as an officer meets it: no officer, no CLI. The per-user config lives under a
// folder of this test's own (XDG_CONFIG_HOME), so the first save creates it there.

const tempDir = useTempDirs();
const videoDir = mkdtempSync(join(tmpdir(), 'station-first-run-'));
const video = join(videoDir, 'webcam.y4m');
let browser: Browser;

beforeAll(async () => {
  // Chromium loops its fake camera: these codes come round every few seconds for the whole test.
  await writeTestVideo({ path: video, codes: 3, seed: 44, fps: 10, moduleSize: 6, tailFrames: 10 });
  browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
});
afterAll(async () => {
  await browser?.close();
  rmSync(videoDir, { recursive: true, force: true });
});

async function passagesSince(dataDir: string, since: number) {
  // Read-only, beside the running station that holds the folder's lock.
  const db = openDatabaseReadOnly(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: await loadDatabaseKey({ dataDir, environmentKey: undefined }) });
  try {
    return searchPassages(db, { limit: 500 }).filter((passage) => Date.parse(passage.scannedAt) > since);
  } finally {
    db.close();
  }
}

describe('first run in the app (browser mode)', () => {
  it('a fresh station opens on setup; the first supervisor adds an officer, saves settings; the webcam lane records at the sign-in screen', async () => {
    const dataDir = tempDir();
    const configHome = tempDir();
    const userConfig = join(configHome, 'checkpoint-station', 'config.json');
    mkdirSync(join(configHome, 'checkpoint-station'));
    writeFileSync(userConfig, JSON.stringify({ lanes: [{ id: 'lane-1', name: 'Làn xe máy', source: 'webcam:default' }] }));
    const station = await startStationServe(['--data', dataDir], { XDG_CONFIG_HOME: configHome });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    const errors = watchPageErrors(page);
    try {
      await page.goto(station.url);
      await page.getByTestId('setup').waitFor();
      expect(await page.getByTestId('sign-in-officer').count()).toBe(0);
      // The lane is watching before anyone exists to sign in.
      await expect.poll(() => page.getByTestId('lane-health-lane-1').getAttribute('data-state'), { timeout: 10_000 }).toBe('running');
      await saveScreenshot(page, 'setup-1366x768');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      await page.getByTestId('setup-officer').fill('SV-01');
      await page.getByTestId('setup-name').fill('Phạm Thị Chỉ');
      await page.getByTestId('setup-pin').fill('735182');
      await page.getByTestId('setup-pin-again').fill('735128');
      await page.getByTestId('setup-submit').click();
      await page.getByText('Hai mã PIN không giống nhau.').waitFor();
      await page.getByTestId('setup-pin-again').fill('735182');
      await page.getByTestId('setup-submit').click();

      // Signed in as the supervisor, on the settings: saved to the per-user config, created or not.
      expect(await page.getByTestId('officer-badge').textContent()).toContain('Phạm Thị Chỉ (SV-01)');
      await page.getByTestId('settings-form').waitFor();
      await page.getByTestId('settings-checkpoint-name').fill('Chốt Pháp Vân');
      await page.getByTestId('settings-save').click();
      await page.getByTestId('settings-saved').waitFor();
      expect(JSON.parse(readFileSync(userConfig, 'utf8'))).toMatchObject({ checkpoint: { name: 'Chốt Pháp Vân' }, lanes: [{ id: 'lane-1', source: 'webcam:default' }] });

      await page.getByTestId('nav-officers').click();
      await addOfficerInApp(page, { id: 'duty-01', name: 'Nguyễn Văn Trực', pin: '482913' });
      // The history shows the time in 24-hour form and the day as dd/mm/yyyy, whatever the browser's locale.
      await page.getByTestId('nav-history').click();
      expect(await page.getByTestId('filter-day').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      await page.getByTestId('sign-out').click();
      const signedOutAt = Date.now();

      // Nobody at the desk: the sign-in screen, and the lane still watching and recording.
      await page.getByTestId('sign-in-officer').waitFor();
      expect(await page.getByTestId('preview-lane-1').getAttribute('data-state')).toBe('live');
      await expect.poll(() => page.getByTestId('lane-health-lane-1').getAttribute('data-state'), { timeout: 10_000 }).toBe('running');
      await expect.poll(async () => (await passagesSince(dataDir, signedOutAt)).length, { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
      await page.getByTestId('last-scan-lane-1').waitFor();
      await saveScreenshot(page, 'sign-in-live-lane-1366x768');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      const unattended = await passagesSince(dataDir, signedOutAt);
      expect(unattended.every((passage) => passage.officerId === null && passage.laneId === 'lane-1' && passage.codeKind === 'chip-card')).toBe(true);

      // The officer added by the supervisor signs in, and sees the unattended passages say so.
      await signIn(page, 'duty-01', '482913');
      await page.getByTestId('nav-history').click();
      await expect.poll(() => page.getByTestId('history-officer').allTextContents()).toContain('Không có cán bộ đăng nhập');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await station.stop();
    }
  });
});
