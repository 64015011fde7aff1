import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { launchShell } from './shell';

// Paths of the bundles built next to this one (scripts/build-electron.ts).
launchShell({
  rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  preloadPath: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
  decoderWorkerUrl: new URL('./decoder-worker.mjs', import.meta.url),
  argv: process.argv.slice(1),
  processEvents: process,
  resourcesDir: app.isPackaged ? process.resourcesPath : null,
  // appData is $XDG_CONFIG_HOME (~/.config) on Linux, where desktops look for autostart entries.
  linuxAutostartDir: join(app.getPath('appData'), 'autostart'),
});
