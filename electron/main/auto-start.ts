import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { App } from 'electron';

export interface AutoStartHost {
  app: Pick<App, 'setLoginItemSettings'>;
  platform: NodeJS.Platform;
  /** What the login starts: the AppImage itself when run from one (its mount path changes every run). */
  executable: string;
  /** `~/.config/autostart` (XDG), where Linux desktops look for login items. */
  linuxAutostartDir: string;
}

export const linuxAutostartFileName = 'checkpoint-station.desktop';

/**
 * Starts the station when the officer logs in, or stops doing so. Electron's login items cover
 * Windows and macOS only; Linux desktops read an XDG autostart entry instead.
 */
export async function applyAutoStart(enabled: boolean, host: AutoStartHost): Promise<void> {
  if (host.platform !== 'linux') {
    host.app.setLoginItemSettings({ openAtLogin: enabled });
    return;
  }
  const entryPath = join(host.linuxAutostartDir, linuxAutostartFileName);
  if (!enabled) {
    await rm(entryPath, { force: true });
    return;
  }
  await mkdir(host.linuxAutostartDir, { recursive: true });
  await writeFile(entryPath, linuxAutostartEntry(host.executable));
}

function linuxAutostartEntry(executable: string): string {
  // Desktop-entry Exec quoting: the path in double quotes, with \ " ` $ escaped.
  const quoted = `"${executable.replace(/[\\"`$]/g, (character) => `\\${character}`)}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Trạm kiểm soát', `Exec=${quoted}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}
