import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appEntryUrl } from '../../electron/main/security-policy';
import { useTempDirs } from '../helpers/temp-dir';

/**
 * The real app in a real Electron, where one can run: our CI machines cannot download the Electron
 * binary, so there this suite is skipped, and says why.
 */
const tempDir = useTempDirs();
const electronBinary = locateElectronBinary();
if (typeof electronBinary !== 'string') console.warn(`Electron smoke test skipped: ${electronBinary.reason}.`);

describe.skipIf(typeof electronBinary !== 'string')('Electron smoke test', () => {
  it('opens the hardened window on the app page, with the bridge and without Node, and closes the core cleanly', async () => {
    const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    expect(built.status).toBe(0);
    const dataDir = tempDir();
    const app = await _electron.launch({ executablePath: electronBinary as string, args: ['.', '--data', dataDir], timeout: 60_000 });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe(appEntryUrl);
    const globals = await page.evaluate(() => ({
      bridge: typeof (window as unknown as { stationBridge?: { getStatus?: unknown } }).stationBridge?.getStatus,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ bridge: 'function', require: 'undefined', process: 'undefined' });
    await app.close();
    expect(existsSync(join(dataDir, 'station.db.clean-shutdown'))).toBe(true);
  });
});

function locateElectronBinary(): string | { reason: string } {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: 'there is no display to open a window on' };
  try {
    // The electron package exports its binary's path, and throws when the binary was never downloaded.
    const binary = createRequire(import.meta.url)('electron') as string;
    return existsSync(binary) ? binary : { reason: `the Electron binary is not at ${binary}` };
  } catch {
    return { reason: 'the Electron binary was never downloaded (this machine cannot reach its download host)' };
  }
}
