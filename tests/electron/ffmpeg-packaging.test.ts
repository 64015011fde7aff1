import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledFfmpegFolder, resolveFfmpegPath } from '../../electron/core/media/ffmpeg-location';

interface FileSet {
  from: string;
  to: string;
  filter: string[];
}
const config = parse(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, { extraResources?: FileSet[] }>;

describe('bundled ffmpeg', () => {
  it('is packaged per platform into the folder the core looks in', () => {
    expect(config.win?.extraResources).toEqual([{ from: 'resources/ffmpeg/win-x64', to: bundledFfmpegFolder, filter: ['ffmpeg.exe'] }]);
    expect(config.linux?.extraResources).toEqual([{ from: 'resources/ffmpeg/linux-x64', to: bundledFfmpegFolder, filter: ['ffmpeg'] }]);
  });

  it('is found by its explicit path in a packaged app', () => {
    const resourcesDir = join('C:', 'Program Files', 'Tram Kiem Soat', 'resources');
    const expected = join(resourcesDir, 'ffmpeg', 'ffmpeg.exe');
    expect(resolveFfmpegPath({ resourcesDir, platform: 'win32', exists: (path) => path === expected })).toBe(expected);
    const linux = join('/opt/Tram Kiem Soat/resources', 'ffmpeg', 'ffmpeg');
    expect(resolveFfmpegPath({ resourcesDir: '/opt/Tram Kiem Soat/resources', platform: 'linux', exists: (path) => path === linux })).toBe(linux);
  });

  it('falls back to ffmpeg on the PATH when none was bundled, or when not packaged', () => {
    expect(resolveFfmpegPath({ resourcesDir: '/opt/app/resources', platform: 'linux', exists: () => false })).toBe('ffmpeg');
    expect(resolveFfmpegPath({ resourcesDir: null, platform: 'win32', exists: () => true })).toBe('ffmpeg');
  });
});
