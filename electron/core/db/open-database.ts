import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Driver, { type Database } from 'better-sqlite3-multiple-ciphers';
import { ensureWritableFolder } from './data-folder';
import type { DatabaseKey } from './database-key';
import { migrate } from './migrate';
import { migrations } from './migrations';

/**
 * The SQLite driver class. Tests and the CLI use the build compiled for this Node; the Electron
 * shell passes the N-API build that runs on Electron's own Node (see README, "Native modules").
 */
export type DatabaseDriver = typeof Driver;

/** Something that happened while opening that the officer must be told of and the audit log keeps. */
export type StartupEvent =
  | { kind: 'moved-aside'; movedTo: string; reason: string }
  | { kind: 'encrypted-plaintext' };

export interface OpenedDatabase {
  db: Database;
  path: string;
  schemaVersion: number;
  startupEvents: StartupEvent[];
}

export class WrongKeyError extends Error {
  override name = 'WrongKeyError';
  constructor(readonly path: string) {
    super(`cannot decrypt ${path}: the database key is wrong (or the file is not a station database); the file was left untouched`);
  }
}

export interface OpenDatabaseOptions {
  key: DatabaseKey;
  driver?: DatabaseDriver;
  now?: () => Date;
}

const sqliteHeader = 'SQLite format 3\0';

/**
 * Written by closeDatabase() after a clean close, removed at open. Its absence means the station
 * crashed or lost power: only then is the whole file checked (quick_check reads every page, about
 * 10 s for a million records), so a normal start stays fast.
 */
const cleanShutdownSuffix = '.clean-shutdown';

/**
 * Opens (or creates) the encrypted station database: checks it after an unclean shutdown, moves a damaged one aside
 * (never overwriting it) and starts a new one, encrypts a plaintext one in place, then migrates.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions): OpenedDatabase {
  ensureWritableFolder(dirname(path));
  const startupEvents: StartupEvent[] = [];
  const existed = existsSync(path);
  const closedCleanly = existsSync(path + cleanShutdownSuffix);
  rmSync(path + cleanShutdownSuffix, { force: true });
  let db = existed ? openExisting(path, options, startupEvents) : connect(path, options);
  const damage = existed && !closedCleanly ? checkIntegrity(db) : null;
  if (damage !== null) {
    db.close();
    const movedTo = moveAside(path, (options.now ?? (() => new Date()))());
    startupEvents.push({ kind: 'moved-aside', movedTo, reason: damage });
    db = connect(path, options);
  }
  try {
    db.pragma('journal_mode = WAL');
    // WAL at NORMAL can lose the last commits on power loss; a pass-through record is a legal record.
    db.pragma('synchronous = FULL');
    // Purged records are overwritten with zeros, not left in free pages.
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const schemaVersion = migrate(db, migrations);
    return { db, path, schemaVersion, startupEvents };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Checkpoints the WAL into the database and closes it, leaving the clean-shutdown mark. */
export function closeDatabase(opened: Pick<OpenedDatabase, 'db' | 'path'>): void {
  opened.db.pragma('wal_checkpoint(TRUNCATE)');
  opened.db.close();
  writeFileSync(opened.path + cleanShutdownSuffix, '');
}

/**
 * Opens an existing station database for reading only: no migration, no integrity check, and the
 * clean-shutdown mark left alone, so a running station is not disturbed (support bundles, statistics).
 */
export function openDatabaseReadOnly(path: string, options: Pick<OpenDatabaseOptions, 'key' | 'driver'>): Database {
  const db = connect(path, options, { readonly: true, fileMustExist: true });
  if (canRead(db)) return db;
  db.close();
  throw new WrongKeyError(path);
}

function connect(path: string, options: Pick<OpenDatabaseOptions, 'key' | 'driver'>, driverOptions?: Driver.Options): Database {
  const db = new (options.driver ?? Driver)(path, driverOptions);
  applyCipher(db);
  db.pragma(`key = "x'${options.key}'"`);
  return db;
}

function openExisting(path: string, options: OpenDatabaseOptions, startupEvents: StartupEvent[]): Database {
  const db = connect(path, options);
  if (canRead(db)) return db;
  db.close();
  if (!hasPlaintextHeader(path)) throw new WrongKeyError(path);
  // A database from before encryption at rest: encrypt it in place with the key.
  const plain = new (options.driver ?? Driver)(path);
  try {
    applyCipher(plain);
    plain.pragma(`rekey = "x'${options.key}'"`);
  } finally {
    plain.close();
  }
  startupEvents.push({ kind: 'encrypted-plaintext' });
  return connect(path, options);
}

/**
 * SQLCipher 4 format, so a supervisor's standard SQLCipher tools can open a copy with the key.
 * The key is a random 256-bit raw key (`x'…'`): no passphrase, so no slow key derivation.
 */
function applyCipher(db: Database): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
}

function canRead(db: Database): boolean {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw error;
  }
}

/** null when sound, otherwise what is wrong. */
function checkIntegrity(db: Database): string | null {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok' ? null : rows.map((row) => row.quick_check).join('; ').slice(0, 500);
  } catch (error) {
    return `${(error as { code?: string }).code ?? 'error'}: ${(error as Error).message}`;
  }
}

function moveAside(path: string, now: Date): string {
  const movedTo = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, movedTo);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, movedTo + suffix);
  }
  return movedTo;
}

function hasPlaintextHeader(path: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1') === sqliteHeader;
}
