import { open as openFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** How a file is opened; tests inject one that fails as a full disk does. */
export type OpenFile = typeof openFile;

/**
 * Replaces a file so a crash or a full disk leaves either the old or the new content, never half:
 * a temporary file beside it is written and flushed to the disk, then renamed over it. On failure
 * the temporary file is removed and the error thrown; the old file is untouched.
 */
export async function writeFileAtomically(path: string, text: string, open: OpenFile = openFile): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  // The rename itself reaches the disk only with the folder's entry; not every platform can fsync a folder.
  try {
    const folder = await open(dirname(path), 'r');
    await folder.sync().finally(() => folder.close());
  } catch {
    // Windows: best effort.
  }
}
