import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, useChromium, watchPageErrors } from '../helpers/chromium';
import { startHealthServer } from '../helpers/health-server';
import { runStation, startStationServe } from '../helpers/station-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const browser = useChromium();

describe('status screen in Chromium (browser mode)', () => {
  it('shows the live station status pushed from the core, in Vietnamese, and follows the network', async () => {
    let api = await startHealthServer();
    const apiPort = new URL(api.url).port;
    const dataDir = tempDir();
    const configFile = join(tempDir(), 'config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        checkpoint: { id: 'CP-HN-07', name: 'Chốt kiểm soát Pháp Vân', direction: 'entry' },
        lanes: [
          { id: 'lane-1', name: 'Làn xe máy', source: 'webcam:default' },
          { id: 'lane-2', name: 'Làn ô tô', source: 'rtsp://127.0.0.1:9/stream1' },
        ],
        api: { url: api.url },
      }),
    );
    const station = await startStationServe(['--config', configFile, '--data', dataDir, '--demo-officer']);
    const page = await browser().newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchPageErrors(page);
    const connectivity = page.getByTestId('status-bar').getByTestId('connectivity');
    try {
      await page.goto(station.url);
      await expect.poll(() => page.getByTestId('lanes').innerText()).toMatch(/Làn xe máy[\s\S]*Làn ô tô/);
      await page.getByTestId('nav-status').click();
      await expect.poll(() => page.getByTestId('checkpoint-name').textContent()).toBe('Chốt kiểm soát Pháp Vân');
      expect(await page.getByTestId('checkpoint-id').textContent()).toBe('CP-HN-07');
      expect(await page.getByTestId('database-path').textContent()).toBe(join(dataDir, 'station.db'));
      expect(await page.getByTestId('unsynced-count').textContent()).toBe('0');
      await expect.poll(() => connectivity.getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
      expect(await connectivity.innerText()).toContain('Trực tuyến');
      // Export today's passages from the screen: a file in the data folder, identity masked.
      await page.getByTestId('export-today').click();
      await expect.poll(() => page.getByTestId('export-today-result').textContent()).toContain(join(dataDir, 'exports', 'passages-'));
      // The token is taken out of the address bar once read.
      expect(page.url()).not.toContain('token=');
      await saveScreenshot(page, 'status-1366x768');

      // The core pushes the change: no reload, no manual switch.
      await api.close();
      await expect.poll(() => connectivity.getAttribute('data-state'), { timeout: 15_000 }).toBe('offline');
      expect(await connectivity.innerText()).toContain('Ngoại tuyến');
      await saveScreenshot(page, 'status-offline-1366x768');

      api = await startHealthServer(Number(apiPort));
      await expect.poll(() => connectivity.getAttribute('data-state'), { timeout: 15_000 }).toBe('online');

      await page.locator('.language-switch select').selectOption('en');
      expect(await page.getByTestId('nav-status').textContent()).toContain('Status');
      expect(await connectivity.innerText()).toContain('Online');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await saveScreenshot(page, 'status-en-1920x1080');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await station.stop();
      await api.close();
    }
  });

  it('tells the officer at once when the database was found damaged and moved aside', async () => {
    const dataDir = tempDir();
    expect(runStation(['export', '--data', dataDir, '--out', join(dataDir, 'x.csv')]).code).toBe(0); // creates the database
    const path = join(dataDir, 'station.db');
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096, 8192);
    writeFileSync(path, bytes);
    rmSync(`${path}.clean-shutdown`); // as after a power cut
    const station = await startStationServe(['--data', dataDir, '--demo-officer']);
    const page = await browser().newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await page.goto(station.url);
      await expect.poll(() => page.getByTestId('status-storage').getAttribute('role')).toBe('alert');
      await page.getByTestId('nav-status').click();
      const alert = page.getByTestId('storage-alert-database-moved-aside');
      await expect.poll(() => alert.textContent()).toContain('station.db.damaged-');
      expect(await alert.getAttribute('role')).toBe('alert');
      const movedTo = /(\S+station\.db\.damaged-\S+?) /.exec((await alert.textContent()) ?? '')?.[1];
      expect(movedTo !== undefined && existsSync(movedTo)).toBe(true);
      await saveScreenshot(page, 'status-database-moved-aside-1366x768');
    } finally {
      await page.close();
      await station.stop();
    }
  });

  it('without the token the page says what to do instead of failing silently', async () => {
    const station = await startStationServe(['--data', tempDir()]);
    const page = await browser().newPage();
    try {
      await page.goto(station.origin);
      await expect.poll(() => page.locator('.banner-error').textContent()).toContain('station serve');
    } finally {
      await page.close();
      await station.stop();
    }
  });
});
