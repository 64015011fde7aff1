import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'electron';
import { describe, expect, it } from 'vitest';
import { applyAutoStart, linuxAutostartFileName } from '../../electron/main/auto-start';
import { decideRestart, defaultRestartPolicy } from '../../electron/main/restart-policy';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function loginItems() {
  const settings: Parameters<App['setLoginItemSettings']>[0][] = [];
  const app: Pick<App, 'setLoginItemSettings'> = { setLoginItemSettings: (value) => void settings.push(value) };
  return { app, settings };
}

describe('auto-start at login', () => {
  it('uses the login item on Windows, both ways', async () => {
    const { app, settings } = loginItems();
    const host = { app, platform: 'win32' as const, executable: 'C:\\Tram\\Tram Kiem Soat.exe', linuxAutostartDir: tempDir() };
    await applyAutoStart(true, host);
    await applyAutoStart(false, host);
    expect(settings).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
  });

  it('writes and removes an XDG autostart entry on Linux, quoting the path', async () => {
    const { app, settings } = loginItems();
    const linuxAutostartDir = join(tempDir(), 'autostart');
    const host = { app, platform: 'linux' as const, executable: '/home/cb/Apps/Tram "Kiem" Soat $1.AppImage', linuxAutostartDir };
    await applyAutoStart(true, host);
    const entry = readFileSync(join(linuxAutostartDir, linuxAutostartFileName), 'utf8');
    expect(entry).toContain('Exec="/home/cb/Apps/Tram \\"Kiem\\" Soat \\$1.AppImage"');
    await applyAutoStart(false, host);
    expect(existsSync(join(linuxAutostartDir, linuxAutostartFileName))).toBe(false);
    expect(settings).toEqual([]);
  });
});

describe('restart policy', () => {
  const minute = 60_000;
  it('backs off, doubling from one second', () => {
    const now = 100 * minute;
    expect(decideRestart([now], now, defaultRestartPolicy)).toEqual({ restart: true, delayMs: 1000 });
    expect(decideRestart([now - 2000, now - 1000, now], now, defaultRestartPolicy)).toEqual({ restart: true, delayMs: 4000 });
  });

  it('forgets crashes older than its window', () => {
    const now = 100 * minute;
    expect(decideRestart([now - 30 * minute, now - 20 * minute, now], now, defaultRestartPolicy)).toEqual({ restart: true, delayMs: 1000 });
  });

  it('stops in a crash loop', () => {
    const now = 100 * minute;
    const crashes = Array.from({ length: defaultRestartPolicy.maxCrashes + 1 }, (_, index) => now - index * 1000);
    expect(decideRestart(crashes, now, defaultRestartPolicy)).toEqual({ restart: false, reason: '6 crashes in 10 minutes' });
  });
});
