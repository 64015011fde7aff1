import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCitizens, type RegisteredCitizen } from '../../central-api';
import type { CentralApi } from '../../central-api/server';
import { loadDatabaseKey } from '../../electron/core/db/database-key';
import { closeDatabase, openDatabase } from '../../electron/core/db/open-database';
import { listAudit } from '../../electron/core/store/audit-log';
import { writeTestVideo } from '../../scripts/make-test-video';
import { seriousAccessibilityViolations } from '../helpers/axe';
import { cardPayloadFor, enrolSecret, isAdult, startTestCentralApi } from '../helpers/central-api';
import { launchChromium, saveScreenshot, watchPageErrors } from '../helpers/chromium';
import { runStation, runStationAsync, startStationServe } from '../helpers/station-cli';
import { useTempDirs } from '../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';

const tempDir = useTempDirs();
// Chromium reads the fake camera's file for as long as it runs: kept for the whole file.
const videoDir = mkdtempSync(join(tmpdir(), 'station-officer-'));
const video = join(videoDir, 'camera.y4m');
const garbage = 'KHUYEN-MAI-50%-QUET-NGAY';
const sizes = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
let browser: Browser;
let apiDir: string;
let api: CentralApi;
let passer: RegisteredCitizen;
let denied: RegisteredCitizen;
let declarant: RegisteredCitizen;

beforeAll(async () => {
  apiDir = mkdtempSync(join(tmpdir(), 'station-officer-api-'));
  api = await startTestCentralApi(apiDir);
  const clean = findCitizens(api.db, { status: 'none', denyListed: false }).filter(isAdult);
  [passer, declarant] = clean as [RegisteredCitizen, RegisteredCitizen];
  denied = findCitizens(api.db, { denyListed: true }).filter(isAdult)[0]!;
  // Shown in this order; the last one (the passer) stays on the panel once the video loops.
  await writeTestVideo({ path: video, texts: [garbage, cardPayloadFor(denied), cardPayloadFor(passer)], seed: 7, fps: 10, moduleSize: 6, tailFrames: 40 });
  browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
    '--autoplay-policy=no-user-gesture-required',
  ]);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  rmSync(videoDir, { recursive: true, force: true });
  rmSync(apiDir, { recursive: true, force: true });
});

/** Records every verdict the panel shows and every sound played, from the first frame on. */
async function recordVerdictsAndSounds(page: Page) {
  await page.addInitScript(() => {
    const seen: { verdict: string; name: string | null }[] = [];
    const sounds: string[] = [];
    Object.assign(window, { __verdicts: seen, __sounds: sounds });
    const play = HTMLMediaElement.prototype.play;
    // Counted once playing really started: the file was served, decoded and allowed to play.
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      const started = play.call(this);
      if (this instanceof HTMLAudioElement) void started.then(() => sounds.push(this.src));
      return started;
    };
    new MutationObserver(() => {
      const panel = document.querySelector<HTMLElement>('[data-testid=verdict-panel]');
      const verdict = panel?.dataset.verdict;
      const name = panel?.querySelector('[data-testid=verdict-name]')?.textContent ?? null;
      const last = seen.at(-1);
      if (verdict !== undefined && verdict !== 'none' && (last?.verdict !== verdict || last.name !== name)) seen.push({ verdict, name });
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return {
    verdicts: () => page.evaluate(() => (window as unknown as { __verdicts: { verdict: string; name: string | null }[] }).__verdicts),
    sounds: () => page.evaluate(() => (window as unknown as { __sounds: string[] }).__sounds.map((src) => /\/(\w+)-[\w-]+\.wav$/.exec(src)?.[1] ?? src)),
  };
}

async function expectAccessible(page: Page, screen: string) {
  expect(await seriousAccessibilityViolations(page), screen).toEqual([]);
}

async function openScreen(page: Page, digit: number, testId: string) {
  await page.keyboard.press(`Alt+${digit}`);
  await page.getByTestId(testId).first().waitFor();
}

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

describe("the officer's screen in Chromium, with the fake camera and the reference central API", () => {
  it('scans, decides, overrides, takes a paper declaration, and follows the network — in Vietnamese', { timeout: 300_000 }, async () => {
    const dataDir = tempDir();
    const configFile = join(tempDir(), 'config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        checkpoint: { id: 'CP-HN-07', name: 'Chốt kiểm soát Pháp Vân', direction: 'entry' },
        lanes: [{ id: 'lane-1', name: 'Làn xe máy', source: 'webcam:default' }],
        api: { url: api.url },
        // The fake camera loops its video: one passage per code for the whole test.
        dedupeWindowMs: 600_000,
      }),
    );
    const enrolled = await runStationAsync(['enrol', '--config', configFile, '--data', dataDir], enrolSecret);
    expect(enrolled.code, enrolled.stderr).toBe(0);
    const station = await startStationServe(['--config', configFile, '--data', dataDir, '--demo-officer']);
    const page = await browser.newPage({ viewport: sizes[0], locale: 'vi-VN' });
    const errors = watchPageErrors(page);
    const recorder = await recordVerdictsAndSounds(page);
    try {
      await page.goto(station.url);
      await page.getByTestId('officer-badge').waitFor();
      await expect.poll(() => page.getByTestId('status-bar').getByTestId('connectivity').getAttribute('data-state'), { timeout: 15_000 }).toBe('online');

      // The camera shows garbage, a deny-listed citizen, then a registered one.
      await expect.poll(recorder.verdicts, { timeout: 30_000, interval: 200 }).toEqual([
        { verdict: 'invalid', name: null },
        { verdict: 'deny', name: denied.fullName },
        { verdict: 'pass', name: passer.fullName },
      ]);
      await expect.poll(recorder.sounds).toEqual(['invalid', 'deny', 'pass']);
      const panel = page.getByTestId('verdict-panel');
      expect(await panel.getByTestId('verdict-words').textContent()).toBe('ĐƯỢC QUA');
      expect(await panel.getByTestId('verdict-verification').textContent()).toBe('Đã xác thực trực tuyến');
      const maskedId = (await panel.getByTestId('verdict-id').textContent()) ?? '';
      expect(maskedId).toContain('•');
      expect(maskedId).not.toBe(passer.idNumber);
      expect(await page.getByTestId('last-scan-lane-1').getAttribute('data-verdict')).toBe('pass');
      await expectAccessible(page, 'scan');
      await saveScreenshot(page, 'officer-scan-pass-1366x768');

      // Override the shown verdict (Alt+O), then add a plate (Alt+B): both audited.
      await page.keyboard.press('Alt+O');
      await page.getByTestId('override-verdict').selectOption('check');
      await page.getByTestId('override-reason').fill('Ảnh trên thẻ không giống người xuất trình');
      await expectAccessible(page, 'override dialog');
      await saveScreenshot(page, 'officer-override-1366x768');
      await page.getByTestId('override-submit').click();
      await page.getByTestId('passage-dialog').waitFor({ state: 'detached' });
      await page.keyboard.press('Alt+B');
      await page.getByTestId('annotate-plate').fill('29a-123.45');
      await page.getByTestId('annotate-submit').click();
      await page.getByTestId('passage-dialog').waitFor({ state: 'detached' });

      // A paper declaration, typed with the keyboard only: a wrong ID number first.
      await openScreen(page, 2, 'declaration-form');
      const [year, month, day] = declarant.birthDate.split('-');
      const fields = ['0011', declarant.fullName, `${day}/${month}/${year}`, null, '0912 345 678', 'Hà Nội', 'Thanh Xuân', '', 'Hà Nam', 'Hà Nội', ''];
      for (const [index, value] of fields.entries()) {
        if (index > 0) await page.keyboard.press('Tab');
        if (value === null) await page.keyboard.press(declarant.sex === 'male' ? 'ArrowDown' : 'End');
        else if (value !== '') await page.keyboard.type(value);
      }
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('problem-idNumber').textContent()).toContain('Số định danh cá nhân');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('declaration-idNumber');
      await expectAccessible(page, 'declaration with problems');
      await saveScreenshot(page, 'officer-declaration-problems-1366x768');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(declarant.idNumber);
      await page.keyboard.press('Enter');
      await page.getByTestId('declaration-accepted').waitFor();
      // The panel beside the form (the scan screen's, hidden, follows every lane too).
      const declared = page.locator('.declaration-view').getByTestId('verdict-panel');
      await expect.poll(() => declared.getByTestId('verdict-name').textContent()).toBe(declarant.fullName);
      expect(await declared.getAttribute('data-verdict')).toBe('pass');

      // History: the overridden passage, found by a name typed without diacritics.
      await openScreen(page, 3, 'history-table');
      await expect.poll(() => page.getByTestId('history-row').count()).toBe(4);
      await page.getByTestId('filter-name').fill(passer.fullName.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase());
      await expect.poll(() => page.getByTestId('history-row').count()).toBe(1);
      const row = page.getByTestId('history-row').first();
      expect(await row.getAttribute('data-verdict')).toBe('check');
      expect(await row.textContent()).toContain('đã sửa');
      expect(await row.textContent()).not.toContain(passer.fullName); // masked in the list
      await row.getByRole('button').click();
      await expect.poll(() => page.getByTestId('detail-override').textContent()).toContain('Ảnh trên thẻ không giống người xuất trình');
      expect(await page.getByTestId('detail-plate').textContent()).toBe('29A-123.45');
      await expectAccessible(page, 'history');

      // The shift dashboard counts final verdicts; the report is a PDF in the data folder.
      await openScreen(page, 4, 'shift-counts');
      await expect.poll(() => page.getByTestId('shift-count-pass').getAttribute('data-count')).toBe('1');
      expect(await page.getByTestId('shift-count-check').getAttribute('data-count')).toBe('1');
      expect(await page.getByTestId('shift-count-deny').getAttribute('data-count')).toBe('1');
      expect(await page.getByTestId('shift-count-invalid').getAttribute('data-count')).toBe('1');
      expect(await page.getByTestId('shift-overrides').textContent()).toBe('1');
      await page.getByTestId('shift-report').click();
      const reportText = (await page.getByTestId('shift-report-result').textContent()) ?? '';
      const reportPath = /(\/\S+\.pdf)/.exec(reportText)?.[1];
      expect(reportPath !== undefined && existsSync(reportPath) && readFileSync(reportPath).subarray(0, 5).toString()).toBe('%PDF-');
      await expectAccessible(page, 'shift');

      await openScreen(page, 5, 'checkpoint-name');
      await expectAccessible(page, 'status');

      // Settings are saved to the config file.
      await openScreen(page, 6, 'settings-form');
      await page.getByTestId('settings-retention').fill('30');
      await page.getByTestId('settings-save').click();
      await page.getByTestId('settings-saved').waitFor();
      expect(JSON.parse(readFileSync(configFile, 'utf8')).retention).toEqual({ days: 30 });
      await expectAccessible(page, 'settings');

      // Every screen at both sizes, in daylight; the scan screen at night too.
      for (const size of sizes) {
        await page.setViewportSize(size);
        for (const [index, view] of ['scan', 'declaration', 'history', 'shift', 'status', 'settings'].entries()) {
          await page.keyboard.press(`Alt+${index + 1}`);
          await page.waitForTimeout(300);
          await saveScreenshot(page, `officer-${view}-${size.width}x${size.height}`);
        }
      }
      await page.keyboard.press('Alt+1');
      await page.getByTestId('theme-toggle').click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await expectAccessible(page, 'scan, dark');
      await saveScreenshot(page, 'officer-scan-dark-1920x1080');
      await page.setViewportSize(sizes[0]);
      await saveScreenshot(page, 'officer-scan-dark-1366x768');

      // The central API goes away: the status bar says offline, and a new passage waits in the queue.
      await api.close();
      await expect.poll(() => page.getByTestId('status-bar').getByTestId('connectivity').getAttribute('data-state'), { timeout: 20_000 }).toBe('offline');
      await openScreen(page, 2, 'declaration-form');
      await page.getByLabel('Số định danh cá nhân').fill(passer.idNumber);
      await page.getByLabel('Họ và tên').fill(passer.fullName);
      await page.getByLabel(/^Ngày sinh/).fill(ddmmyyyy(passer.birthDate));
      await page.getByLabel('Giới tính').selectOption(passer.sex);
      await page.getByLabel('Số điện thoại').fill('0987654321');
      for (const label of ['Tỉnh/thành phố', 'Quận/huyện hoặc xã/phường', 'Nơi đi', 'Nơi đến']) await page.getByLabel(label).fill('Hà Nội');
      await page.getByTestId('declaration-submit').click();
      await expect.poll(() => page.locator('.declaration-view').getByTestId('verdict-verification').textContent()).toBe('Xác định ngoại tuyến');
      await expect.poll(() => page.getByTestId('status-queue').getAttribute('data-pending'), { timeout: 10_000 }).not.toBe('0');
      await saveScreenshot(page, 'officer-offline-1366x768');

      // Back online: the queue drains by itself.
      api = await startTestCentralApi(apiDir, api.port);
      await expect.poll(() => page.getByTestId('status-bar').getByTestId('connectivity').getAttribute('data-state'), { timeout: 20_000 }).toBe('online');
      await expect.poll(() => page.getByTestId('status-queue').getAttribute('data-pending'), { timeout: 30_000 }).toBe('0');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await station.stop();
    }

    // The override is in the audit log, by the officer on shift, about that passage, without personal data.
    const database = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: await loadDatabaseKey({ dataDir, environmentKey: undefined }) });
    const overrides = listAudit(database.db, { limit: 10, action: 'passage.override' });
    closeDatabase(database);
    expect(overrides).toHaveLength(1);
    expect(overrides[0]!.actor).toBe('officer:demo');
    expect(JSON.stringify(overrides[0])).not.toContain(passer.fullName);
  });

  it('a shift starts with the officer id and PIN; a wrong PIN is refused plainly', async () => {
    const dataDir = tempDir();
    const added = runStation(['officer', 'add', 'duty-01', '--name', 'Nguyễn Văn Trực', '--data', dataDir], '482913\n');
    expect(added.code, added.stderr).toBe(0);
    const station = await startStationServe(['--data', dataDir]);
    const page = await browser.newPage({ viewport: sizes[0], locale: 'vi-VN' });
    const errors = watchPageErrors(page);
    try {
      await page.goto(station.url);
      await page.getByTestId('sign-in-officer').fill('duty-01');
      await page.getByTestId('sign-in-pin').fill('000000');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('Sai mã cán bộ hoặc mã PIN');
      expect(await page.getByTestId('sign-in-pin').inputValue()).toBe('');
      for (const size of sizes) {
        await page.setViewportSize(size);
        await saveScreenshot(page, `officer-sign-in-${size.width}x${size.height}`);
      }
      await expectAccessible(page, 'sign-in');
      await page.getByTestId('sign-in-pin').fill('482913');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('officer-badge').textContent()).toContain('Nguyễn Văn Trực');
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in-officer').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await station.stop();
    }
  });
});
