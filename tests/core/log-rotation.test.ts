import { once } from 'node:events';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { closeLogFile, createLogger, defaultLogLimits, openLogFile } from '../../electron/core/logging/logger';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function folderBytes(dir: string): { files: string[]; bytes: number } {
  const files = readdirSync(dir);
  return { files, bytes: files.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0) };
}

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
    const { files, bytes: totalBytes } = folderBytes(logsDir);
    expect(cleanups.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThanOrEqual(limits.keptFiles + 1);
    // A file rolls after the write that crosses its size: one buffered write (under 2 KB here) may overshoot.
    expect(totalBytes).toBeLessThanOrEqual((limits.keptFiles + 1) * (limits.fileSizeKb + 2) * 1024);
  });

  it("holds 70 MB written over two runs with the default limits in 50 MB, earlier runs' files counted", async () => {
    const dataDir = tempDir();
    const logsDir = join(dataDir, 'logs');
    const { fileSizeKb, keptFiles } = defaultLogLimits;
    const fileBytes = fileSizeKb * 1024;
    // Big lines keep the test fast; 5 MB is not a multiple of their size, so every file overshoots as it does in the field.
    const line = `${JSON.stringify({ level: 30, time: new Date().toISOString(), pid: 1, scope: 'volume', msg: 'lorem ipsum '.repeat(1300) })}\n`;
    const lineBytes = Buffer.byteLength(line);
    let largest = 0;
    let samples = 0;
    // Written straight to the rotating file, as pino writes each line: rotation is the file stream's job, and
    // redacting 70 MB would only slow the test down.
    async function run(megabytes: number): Promise<void> {
      const file = await openLogFile(dataDir);
      let rolls = 0;
      let cleanups = 0;
      file.on('ready', () => (rolls += 1));
      file.on('cleanup-complete', () => (cleanups += 1));
      for (let written = 0; written < megabytes * 1024 * 1024; written += lineBytes) {
        file.write(line);
        // Each line on disk before the next, as on a station where lines are far apart (pino-roll rolls on drain).
        await once(file, 'drain');
        // Measured once the last rotation has removed the oldest file: in between, the new file holds a line or two more.
        if (cleanups === rolls) {
          largest = Math.max(largest, folderBytes(logsDir).bytes);
          samples += 1;
        }
      }
      await closeLogFile(file);
      await vi.waitFor(() => expect(cleanups, 'every rotation removed the files over the limit').toBe(rolls));
    }
    await run(35);
    const firstRun = folderBytes(logsDir);
    expect(firstRun.bytes).toBeGreaterThanOrEqual(35 * 1024 * 1024);
    expect(firstRun.files).toContain('station.1.log');
    await run(35);
    expect(samples).toBeGreaterThan((70 * 1024 * 1024) / lineBytes / 2);
    // 50 MB, plus per file the one write that crossed its size: a file rolls after that write, not before it.
    expect(largest).toBeLessThanOrEqual((keptFiles + 1) * (fileBytes + lineBytes));
    const { files, bytes } = folderBytes(logsDir);
    // …and only the oldest went: nine full files and the current one are kept.
    expect(bytes).toBeGreaterThan(keptFiles * fileBytes);
    expect(files.length).toBeLessThanOrEqual(keptFiles + 1);
    // The first run's oldest files were removed by the second run, which did not write them.
    expect(files).not.toContain('station.1.log');
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
