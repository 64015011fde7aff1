import { readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeLogFile, createLogger, defaultLogLimits, openLogFile } from '../../electron/core/logging/logger';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('log rotation', () => {
  it('keeps the logs folder under its bound, removing files of earlier runs too', async () => {
    const dataDir = tempDir();
    const logsDir = join(dataDir, 'logs');
    mkdirSync(logsDir);
    // Six full files left by earlier runs of the station.
    for (let number = 1; number <= 6; number += 1) writeFileSync(join(logsDir, `station.${number}.log`), 'x'.repeat(2048));
    const limits = { fileSizeKb: 2, keptFiles: 2 };
    const file = await openLogFile(dataDir, limits);
    const logger = createLogger(file);
    const cleanups: Promise<void>[] = [];
    file.on('cleanup-complete', () => cleanups.push(Promise.resolve()));
    for (let line = 0; line < 200; line += 1) {
      logger.info({ scope: 'test', line }, 'a line of about a hundred bytes, written many times over to force rotation');
      // Let each write and rotation land, as a running station's do.
      if (line % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await closeLogFile(file);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const files = readdirSync(logsDir);
    const totalBytes = files.reduce((sum, name) => sum + statSync(join(logsDir, name)).size, 0);
    expect(cleanups.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThanOrEqual(limits.keptFiles + 1);
    // A file rolls after the write that crosses its size: one buffered write (under 2 KB here) may overshoot.
    expect(totalBytes).toBeLessThanOrEqual((limits.keptFiles + 1) * (limits.fileSizeKb + 2) * 1024);
  });

  it('bounds the default at 50 MB', () => {
    expect((defaultLogLimits.keptFiles + 1) * defaultLogLimits.fileSizeKb).toBeLessThanOrEqual(50 * 1024);
  });

  it('has every line on disk once closed', async () => {
    const dataDir = tempDir();
    const file = await openLogFile(dataDir);
    createLogger(file).info({ scope: 'shutdown' }, 'station closed');
    await closeLogFile(file);
    const [name] = readdirSync(join(dataDir, 'logs'));
    expect(statSync(join(dataDir, 'logs', name!)).size).toBeGreaterThan(0);
  });
});
