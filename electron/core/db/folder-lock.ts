import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type Driver from 'better-sqlite3-multiple-ciphers';

/** Another process (or another open in this one) writes to this data folder's database. */
export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError';
  readonly code = 'data-folder-in-use';
  constructor(
    readonly folder: string,
    readonly pid: number | null,
  ) {
    super(`the data folder ${folder} is in use by another station process (${pid === null ? 'pid unknown' : `pid ${pid}`}): stop it first, or use the app`);
  }
}

export interface FolderLock {
  release(): void;
}

/**
 * Takes the data folder for this process: an exclusive transaction kept open on a small SQLite
 * file, so the lock is SQLite's own OS file lock (POSIX advisory locks, LockFileEx on Windows),
 * which the OS drops when the process dies, SIGKILL and power cuts included; nothing stale is
 * left to clean up. The pid beside it only names the holder in the message.
 */
export function lockFolder(lockPath: string, folder: string, driver: typeof Driver): FolderLock {
  const pidPath = `${lockPath}.pid`;
  // No busy wait: a held folder is refused at once.
  const db = new driver(lockPath, { timeout: 0 });
  try {
    // Nothing is ever written: no journal file beside it (OFF is refused in better-sqlite3's defensive mode).
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
    writeFileSync(pidPath, `${process.pid}\n`);
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DataFolderInUseError(folder, readPid(pidPath));
    throw error;
  }
  return {
    release() {
      // The pid first: once the lock is free, the next holder writes its own.
      rmSync(pidPath, { force: true });
      db.close();
    },
  };
}

function readPid(pidPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(pidPath, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
