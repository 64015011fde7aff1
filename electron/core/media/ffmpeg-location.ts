import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where electron-builder puts the bundled ffmpeg (see electron-builder.yml, `extraResources`). */
export const bundledFfmpegFolder = 'ffmpeg';

export interface FfmpegLocationInput {
  /** The packaged app's resources folder (Electron's `process.resourcesPath`); null when not packaged. */
  resourcesDir: string | null;
  platform: NodeJS.Platform;
  exists?: (path: string) => boolean;
}

/**
 * The ffmpeg binary the camera lanes run: the one packaged with the app when there is one, else
 * plain `ffmpeg`, found on the PATH (a development checkout, or a Linux machine with its own).
 */
export function resolveFfmpegPath(input: FfmpegLocationInput): string {
  const executable = input.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg';
  if (input.resourcesDir !== null) {
    const bundled = join(input.resourcesDir, bundledFfmpegFolder, executable);
    if ((input.exists ?? existsSync)(bundled)) return bundled;
  }
  return 'ffmpeg';
}
