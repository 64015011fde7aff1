import { dirname, join } from 'node:path';
import { ensureWritableFolder, type OutputFolder } from '../db/data-folder';

/**
 * `<data>/<folder>/<prefix>-<UTC time>.<ext>`, the folder made if needed (owner-only): exports and
 * reports. Only output folders, which retention purges: a file written elsewhere would be kept for ever.
 */
export function timestampedFile(dataDir: string, folder: OutputFolder, prefix: string, extension: string): string {
  const path = join(dataDir, folder, `${prefix}-${new Date().toISOString().replace(/[:.]/g, '-')}.${extension}`);
  ensureWritableFolder(dirname(path));
  return path;
}
