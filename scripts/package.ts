import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { build, Platform } from 'electron-builder';
import { missingDownloadMessage } from './package-downloads';

/**
 * `npm run package [-- --linux] [-- --win]`: builds the renderer and the shell, then the installers
 * of electron-builder.yml into release/ (default: this machine's platform).
 */
const { values } = parseArgs({ options: { linux: { type: 'boolean' }, win: { type: 'boolean' } } });
const hostOnly = !values.linux && !values.win;
const platforms = [
  ...(values.linux || (hostOnly && Platform.current() === Platform.LINUX) ? [Platform.LINUX] : []),
  ...(values.win || (hostOnly && Platform.current() === Platform.WINDOWS) ? [Platform.WINDOWS] : []),
];
if (platforms.length === 0) throw new Error('electron-builder.yml has installers for Windows and Linux only: pass --win or --linux');
const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;

const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

for (const platform of platforms) {
  const ffmpeg = platform === Platform.WINDOWS ? 'resources/ffmpeg/win-x64/ffmpeg.exe' : 'resources/ffmpeg/linux-x64/ffmpeg';
  if (!existsSync(ffmpeg)) console.warn(`No ${ffmpeg}: the ${platform.name} build's camera lanes will need ffmpeg on the PATH (see resources/ffmpeg/README.md).`);
}

try {
  // An empty target list means the targets electron-builder.yml names for that platform.
  const artifacts = await build({
    config: 'electron-builder.yml',
    publish: 'never',
    ...(platforms.includes(Platform.LINUX) ? { linux: [] } : {}),
    ...(platforms.includes(Platform.WINDOWS) ? { win: [] } : {}),
  });
  console.log(`Installers:\n${artifacts.map((path) => `  ${path}`).join('\n')}`);
} catch (error) {
  const missing = missingDownloadMessage(error, electronVersion);
  if (missing === null) throw error;
  console.error(missing);
  process.exit(1);
}
