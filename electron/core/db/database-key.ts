import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { databaseFileName, ensureWritableFolder } from './data-folder';
import { hasPlaintextHeader } from './open-database';

/** 256-bit key, as the 64 hex digits SQLCipher's `hexkey` pragma takes. */
export type DatabaseKey = string & { readonly __brand: 'DatabaseKey' };

const keyPattern = /^[0-9a-f]{64}$/;

export type DatabaseKeyErrorCode = 'key-file-missing' | 'key-file-not-created' | 'key-file-exposed' | 'not-a-key';

/** A key that cannot be read or trusted; the message says what to do, the code is for the screen. */
export class DatabaseKeyError extends Error {
  override name = 'DatabaseKeyError';
  constructor(
    readonly code: DatabaseKeyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Protects the key file's content: the OS keychain in the desktop app (Electron safeStorage),
 * nothing in headless/browser mode, where the file's owner-only permissions are the protection.
 */
export interface KeySealer {
  readonly fileName: string;
  /** An owner-only file (headless, browser mode) or the OS keychain (the desktop app): the enrolment token is sealed the same way. */
  readonly kind: 'owner-only-file' | 'os-keychain';
  seal(key: string): Promise<Buffer>;
  unseal(sealed: Buffer): Promise<string>;
}

/** Headless mode: the key in a file only its owner can read. */
export const ownerOnlyFile: KeySealer = {
  fileName: 'station.key',
  kind: 'owner-only-file',
  seal: async (key) => Buffer.from(`${key}\n`),
  unseal: async (sealed) => sealed.toString('utf8').trim(),
};

export interface KeySource {
  dataDir: string;
  /** `STATION_DB_KEY` (64 hex digits) wins over any file, for stations whose key is managed outside. */
  environmentKey?: string | undefined;
  sealer?: KeySealer;
}

export async function loadDatabaseKey(source: KeySource): Promise<DatabaseKey> {
  if (source.environmentKey !== undefined && source.environmentKey !== '') {
    return asDatabaseKey(source.environmentKey.trim().toLowerCase(), 'STATION_DB_KEY');
  }
  const sealer = source.sealer ?? ownerOnlyFile;
  const path = join(source.dataDir, sealer.fileName);
  ensureWritableFolder(source.dataDir);
  const created = await createKeyFileIfMissing(path, sealer, join(source.dataDir, databaseFileName));
  if (created !== null) return created;
  await refuseLooseKeyFile(path);
  return asDatabaseKey(await sealer.unseal(await readFile(path)), path);
}

/**
 * Writes a new random key with owner-only permissions; null when the file already exists. Only
 * where there is no database yet: a new key beside an existing database would lock its records
 * away for good, and the error would then wrongly blame the key.
 */
async function createKeyFileIfMissing(path: string, sealer: KeySealer, databasePath: string): Promise<DatabaseKey | null> {
  // A plaintext database from before encryption gets its first key (it is encrypted in place at open).
  const encryptedDatabase = existsSync(databasePath) ? !hasPlaintextHeader(databasePath) : existsSync(`${databasePath}-wal`);
  if (!existsSync(path) && encryptedDatabase) {
    throw new DatabaseKeyError(
      'key-file-missing',
      `the database key file ${path} is missing, but ${databasePath} exists: the database was left untouched; ` +
        'restore the key file from its backup, or set STATION_DB_KEY to the key',
    );
  }
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw new DatabaseKeyError('key-file-not-created', `cannot create the database key file ${path}: ${(error as Error).message}`);
  }
  try {
    const key = randomBytes(32).toString('hex') as DatabaseKey;
    await handle.writeFile(await sealer.seal(key));
    await handle.sync();
    return key;
  } finally {
    await handle.close();
  }
}

async function refuseLooseKeyFile(path: string): Promise<void> {
  if (process.platform === 'win32') return; // NTFS ACLs, not mode bits; the profile folder is private.
  const { mode } = await stat(path);
  if ((mode & 0o077) !== 0) {
    throw new DatabaseKeyError(
      'key-file-exposed',
      `the database key file ${path} can be read by other users (mode ${(mode & 0o777).toString(8)}): run chmod 600 on it`,
    );
  }
}

function asDatabaseKey(value: string, origin: string): DatabaseKey {
  if (!keyPattern.test(value)) throw new DatabaseKeyError('not-a-key', `${origin} does not hold a database key (64 hex digits)`);
  return value as DatabaseKey;
}
