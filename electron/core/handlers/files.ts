import { dirname, join } from 'node:path';
import { ensureWritableFolder } from '../db/data-folder';

/** `<data>/<folder>/<prefix>-<UTC time>.<ext>`, the folder made if needed: exports and reports. */
export function timestampedFile(dataDir: string, folder: string, prefix: string, extension: string): string {
  const path = join(dataDir, folder, `${prefix}-${new Date().toISOString().replace(/[:.]/g, '-')}.${extension}`);
  ensureWritableFolder(dirname(path));
  return path;
}
