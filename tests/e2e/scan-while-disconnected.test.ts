import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadDatabaseKey } from '../../electron/core/db/database-key';
import { closeDatabase, openDatabase } from '../../electron/core/db/open-database';
import { searchPassages } from '../../electron/core/store/passage-queries';
import { connectBridge } from '../helpers/bridge-client';
import { launchChromium, saveScreenshot } from '../helpers/chromium';
import { startStationServe } from '../helpers/station-cli';
import { startTcpProxy } from '../helpers/tcp-proxy';
import { useTempDirs } from '../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';

const tempDir = useTempDirs();
const card = '001158024485|110419092|Đinh Thị Huyền|08101958|Nữ|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24042021';
const idNumber = card.split('|')[0]!;

/**
 * A keyboard-wedge scanner: the payload as one burst of keys, then its Enter suffix. Dispatched in
 * the page in one go: sent key by key over CDP, a loaded 2-core machine can stretch one gap past the
 * 35 ms that makes a burst, and Playwright types letters off the US layout (the diacritics) without
 * any keydown at all.
 */
async function scanWithWedge(page: Page, text: string): Promise<void> {
  await page.evaluate((keys) => {
    for (const key of keys) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  }, [...text, 'Enter']);
}

/** Passages found by `search`, asked of the station directly (not through the proxy the page is cut off by). */
async function countPassages(station: { url: string; origin: string }, search: { idNumber?: string }): Promise<number> {
  const core = await connectBridge(station);
  try {
    const result = await core.invoke('searchPassages', search);
    expect(result.ok).toBe(true);
    return (result.value as unknown[]).length;
  } finally {
    core.close();
  }
}

/** `station serve` with one keyboard lane and the demo officer signed in. */
async function startKeyboardStation() {
  const dataDir = tempDir();
  const configFile = join(tempDir(), 'config.json');
  writeFileSync(configFile, JSON.stringify({ lanes: [{ id: 'kb', name: 'Máy quét cổng', source: 'keyboard:' }] }));
  const station = await startStationServe(['--config', configFile, '--data', dataDir, '--demo-officer']);
  return { dataDir, station, port: Number(new URL(station.origin).port) };
}

async function openScanScreen(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(url);
  await page.getByTestId('lane-kb').waitFor();
  return page;
}

describe('keyboard-wedge scans on their way to the station', () => {
  it('a scan made while the page has lost the bridge is kept in the page, sent once the bridge is back, and recorded exactly once', async () => {
    const { dataDir, station, port } = await startKeyboardStation();
    const proxy = await startTcpProxy(port);
    // The page opens the station's own address (its origin, and so the bridge's Origin check, are the
    // station's), but Chromium reaches that address through the proxy the test cuts.
    const browser = await launchChromium([`--host-resolver-rules=MAP 127.0.0.1:${port} 127.0.0.1:${proxy.port}`]);
    try {
      const page = await openScanScreen(browser, station.url);
      expect(proxy.carried()).toBeGreaterThan(0);

      proxy.cut();
      await page.getByRole('status').filter({ hasText: /Mất kết nối tới trạm|Đang kết nối tới trạm/ }).waitFor();
      await scanWithWedge(page, card);
      const waiting = page.getByTestId('reports-waiting-kb');
      await waiting.waitFor();
      expect(await waiting.textContent()).toMatch(/^1 lần quét đang chờ/);
      await saveScreenshot(page, 'scan-waiting-for-bridge-1366x768');
      // A few tries later, the station still has nothing: the scan is held in the page, not half-sent.
      await page.waitForTimeout(1500);
      expect(await countPassages(station, { idNumber })).toBe(0);

      proxy.restore();
      await waiting.waitFor({ state: 'detached', timeout: 20_000 });
      await expect.poll(() => page.getByTestId('last-scan-kb').getAttribute('data-verdict'), { timeout: 10_000 }).toMatch(/^(pass|check)$/);
      expect(await countPassages(station, { idNumber })).toBe(1);
      // Past the longest retry delay: nothing more arrives.
      await page.waitForTimeout(2500);
      expect(await countPassages(station, { idNumber })).toBe(1);
    } finally {
      await browser.close();
      await proxy.close();
      await station.stop();
    }

    const database = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: await loadDatabaseKey({ dataDir, environmentKey: undefined }) });
    const passages = searchPassages(database.db, { limit: 500 });
    closeDatabase(database);
    expect(passages.map(({ laneId, identity }) => ({ laneId, idNumber: identity.idNumber }))).toEqual([{ laneId: 'kb', idNumber }]);
  });

  it('a scan the station refuses is not recorded, and the lane card says so until the officer closes it', async () => {
    const { station } = await startKeyboardStation();
    const browser = await launchChromium();
    try {
      const page = await openScanScreen(browser, station.url);
      // Past the contract's 65,536 characters: refused as invalid_input, whatever the number of tries.
      await scanWithWedge(page, '9'.repeat(65_537));
      const dropped = page.getByTestId('reports-dropped-kb');
      await dropped.waitFor();
      expect(await dropped.getByRole('alert').textContent()).toBe('Trạm từ chối lần quét từ làn này nên chưa ghi hồ sơ: hãy kiểm tra cấu hình làn, rồi quét lại.');
      expect(await dropped.textContent()).toContain('1 lần quét chưa được ghi hồ sơ.');
      await saveScreenshot(page, 'scan-refused-1366x768');
      await dropped.getByRole('button', { name: 'Đóng' }).click();
      await dropped.waitFor({ state: 'detached' });
      expect(await countPassages(station, {})).toBe(0);
    } finally {
      await browser.close();
      await station.stop();
    }
  });
});
