import { accessSync, constants, mkdirSync } from 'node:fs';

export class DataDirNotWritableError extends Error {
  override name = 'DataDirNotWritableError';
}

/** Creates the folder if needed and proves it writable, or says plainly that records cannot be kept. */
export function ensureWritableFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new DataDirNotWritableError(
      `the data folder ${folder} is not writable (${(error as NodeJS.ErrnoException).code ?? 'error'}): records cannot be kept`,
    );
  }
}
