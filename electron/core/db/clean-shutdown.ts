import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * Written after a clean close, consumed at open. Without it (a crash, a power cut) the whole file
 * is checked (quick_check reads every page, seconds for a million records), so a normal start stays
 * fast. It names the file as it was closed (size, modification time, inode): a file truncated or
 * written to since then is checked too instead of being trusted.
 */
const cleanShutdownSuffix = '.clean-shutdown';

/** To the millisecond: the finest time every file system and `utimes` keep. */
function fingerprint(path: string): string {
  const { size, mtimeNs, ino } = statSync(path, { bigint: true });
  return JSON.stringify({ size: String(size), mtimeMs: String(mtimeNs / 1_000_000n), ino: String(ino) });
}

/** After the database is checkpointed and closed. */
export function markCleanShutdown(databasePath: string): void {
  writeFileSync(databasePath + cleanShutdownSuffix, fingerprint(databasePath));
}

/** Removes the mark; true when it was there and the file is exactly as it was closed. */
export function takeCleanShutdownMark(databasePath: string): boolean {
  let mark: string;
  try {
    mark = readFileSync(databasePath + cleanShutdownSuffix, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  rmSync(databasePath + cleanShutdownSuffix);
  try {
    return mark === fingerprint(databasePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
