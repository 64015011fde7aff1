import { accessSync, chmodSync, closeSync, constants, fsyncSync, mkdirSync, openSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The station's database in its data folder. */
export const databaseFileName = 'station.db';

/** The data folder's subfolders for files the station writes for people (exports, reports): purged by retention like the records they hold. */
export const outputFolders = ['exports', 'reports'] as const;
export type OutputFolder = (typeof outputFolders)[number];

export class DataDirNotWritableError extends Error {
  override name = 'DataDirNotWritableError';
}

/**
 * Creates the folder if needed, owner-only (an existing one is made so: it holds personal data), and
 * proves it writable, or says plainly that records cannot be kept.
 */
export function ensureWritableFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    restrictToOwner(folder);
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new DataDirNotWritableError(
      `the data folder ${folder} is not writable (${(error as NodeJS.ErrnoException).code ?? 'error'}): records cannot be kept`,
    );
  }
}

/** Takes group's and others' permissions off a file or folder. POSIX only: on Windows NTFS ACLs, not mode bits, apply, and the profile folder is private. */
export function restrictToOwner(path: string): void {
  if (process.platform === 'win32') return;
  const { mode } = statSync(path);
  if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o7700);
}

/** Makes a file's creation, rename or removal in `folder` survive a power cut (POSIX; NTFS journals it itself). */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces `path` with `content` all at once: a crash leaves the old content or the new, never a torn file. */
export function writeFileDurably(path: string, content: string): void {
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  syncFolder(dirname(path));
}
