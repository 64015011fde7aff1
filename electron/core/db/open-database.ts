import { closeSync, copyFileSync, existsSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type Driver from 'better-sqlite3-multiple-ciphers';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { databaseDamageCauseSchema, type DatabaseDamageCause, type DatabaseSalvage } from '../../../shared/contract/status';
import { markCleanShutdown, takeCleanShutdownMark } from './clean-shutdown';
import { isDatabaseCorruption } from './database-errors';
import { ensureWritableFolder, syncFolder, writeFileDurably } from './data-folder';
import type { DatabaseKey } from './database-key';
import { DataFolderInUseError, lockFolder, type FolderLock } from './folder-lock';
import { openHighWater, type HighWater } from './high-water';
import { compareKeyCheck, recordKeyCheck } from './key-check';
import { migrate, schemaVersionOf } from './migrate';
import { migrations } from './migrations';
import { handedOutSequence, nothingSalvaged, salvage, type SalvageOutcome } from './salvage';

/**
 * The SQLite driver class, always given by the host, never imported here: the CLI, browser mode and
 * tests pass the build compiled for this Node (node-platform.ts); the Electron shell passes the
 * N-API build that runs on Electron's own Node, and the package carries only that one (README,
 * "Native modules").
 */
export type DatabaseDriver = typeof Driver;

/** Something that happened while opening that the officer must be told of and the audit log keeps. */
export type StartupEvent =
  | { kind: 'moved-aside'; movedTo: string; cause: DatabaseDamageCause; reason: string; salvage: DatabaseSalvage }
  | { kind: 'lost-acknowledged'; expectedSequence: number; foundSequence: number; walCopy: string | null }
  | { kind: 'encrypted-plaintext' };

export interface OpenedDatabase {
  db: Database;
  path: string;
  schemaVersion: number;
  startupEvents: StartupEvent[];
}

export class WrongKeyError extends Error {
  override name = 'WrongKeyError';
  readonly code = 'wrong-key';
  constructor(readonly path: string) {
    super(`cannot decrypt ${path}: the database key is wrong (or the file is not a station database); the file was left untouched`);
  }
}

/** A read-only open of a file that is damaged, not locked by a wrong key. */
export class DatabaseUnreadableError extends Error {
  override name = 'DatabaseUnreadableError';
  readonly code = 'database-unreadable';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`cannot read ${path}: it is damaged (${reason}); the file was left untouched`);
  }
}

export interface OpenDatabaseOptions {
  key: DatabaseKey;
  driver: DatabaseDriver;
  now?: () => Date;
}

const sqliteHeader = 'SQLite format 3\0';
const databaseFiles = ['', '-wal', '-shm'];

/** What a writable connection holds besides itself, released with it. */
interface Holding {
  path: string;
  lock: FolderLock;
  highWater: HighWater;
}
const holdings = new WeakMap<Database, Holding>();
/** This process's writable connection to each database file. */
const openHere = new Map<string, Database>();

/**
 * Opens (or creates) the encrypted station database, owning its data folder for as long as it is
 * open. A damaged file (a failed check after an unclean shutdown, unreadable at open, empty) is
 * moved aside, never overwritten, and what can be read from it is carried into a new one; passages
 * acknowledged but no longer in the database are reported; a plaintext database is encrypted in
 * place; then it migrates.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions): OpenedDatabase {
  const folder = dirname(path);
  ensureWritableFolder(folder);
  releaseAbandoned(path, folder);
  // Before anything else, so a second process never checks, moves or marks the live file.
  const lock = lockFolder(`${path}.lock`, folder, options.driver);
  let highWater: HighWater | null = null;
  try {
    highWater = openHighWater(`${path}.high-water`);
    const opened = openOwned(path, options, highWater);
    hold(opened.db, { path, lock, highWater });
    return opened;
  } catch (error) {
    highWater?.close();
    lock.release();
    throw error;
  }
}

/** Checkpoints the WAL into the database and closes it, leaving the clean-shutdown mark, then gives up the data folder. */
export function closeDatabase(opened: Pick<OpenedDatabase, 'db' | 'path'>): void {
  const holding = holdingOf(opened.db);
  opened.db.pragma('wal_checkpoint(TRUNCATE)');
  opened.db.close();
  markCleanShutdown(opened.path);
  release(opened.db, holding);
}

/**
 * For the station core when a statement fails with SQLITE_CORRUPT or SQLITE_NOTADB while it runs
 * (`isDatabaseCorruption`): closes the damaged connection (no clean-shutdown mark), moves its file aside,
 * starts a new database with what could be read from the old one and returns it, with the events
 * to show. Keeps the data folder throughout; every statement prepared on `opened.db` is dead.
 */
export function recoverDamagedDatabase(opened: OpenedDatabase, reason: string, options: OpenDatabaseOptions): OpenedDatabase {
  const holding = holdingOf(opened.db);
  opened.db.close();
  const setAside = { movedTo: damagedName(opened.path, clock(options)), cause: 'runtime' as const, reason };
  const recovered = replaceDamaged(opened.path, setAside, options, holding.highWater, []);
  holdings.delete(opened.db);
  hold(recovered.db, holding);
  return recovered;
}

/**
 * Called by the passage store after each commit, before the passage is acknowledged: raises the
 * high-water mark kept outside the WAL. Inside a caller's transaction nothing is committed yet, so
 * nothing is noted (the mark may lag behind the database, never lead it).
 */
export function noteCommitted(db: Database, sequence: number): void {
  if (db.inTransaction) return;
  holdingOf(db).highWater.note(sequence);
}

/**
 * Opens an existing station database for reading only: no lock, no migration, no integrity check,
 * and the clean-shutdown mark left alone, so a running station is not disturbed (support bundles, statistics).
 */
export function openDatabaseReadOnly(path: string, options: Pick<OpenDatabaseOptions, 'key' | 'driver'>): Database {
  const db = connect(path, options, { readonly: true, fileMustExist: true });
  const failure = readFailure(db);
  if (failure === null) return db;
  db.close();
  if (isWrongKey(path, failure, options.key)) throw new WrongKeyError(path);
  throw new DatabaseUnreadableError(path, describe(failure));
}

function openOwned(path: string, options: OpenDatabaseOptions, highWater: HighWater): OpenedDatabase {
  const events: StartupEvent[] = [];
  const interrupted = readSetAside(path);
  if (interrupted !== null) return replaceDamaged(path, interrupted, options, highWater, events);
  const closedCleanly = takeCleanShutdownMark(path);
  const existed = existsSync(path);
  const opened = existed ? openExisting(path, options, events) : connect(path, options);
  const outcome = 'cause' in opened ? opened : settle(opened, path, options, highWater, events, { existed, check: existed && !closedCleanly });
  if ('cause' in outcome) return replaceDamaged(path, { movedTo: damagedName(path, clock(options)), ...outcome }, options, highWater, events);
  return { db: outcome.db, path, schemaVersion: outcome.schemaVersion, startupEvents: events };
}

interface Damage {
  cause: DatabaseDamageCause;
  reason: string;
}

/** A readable connection, or the damage that makes it unreadable; throws WrongKeyError when the key is not known to be right. */
function openExisting(path: string, options: OpenDatabaseOptions, events: StartupEvent[]): Database | Damage {
  if (statSync(path).size === 0 && sizeOf(`${path}-wal`) === 0) return { cause: 'empty', reason: 'the database file is empty (0 bytes)' };
  const db = connect(path, options);
  const failure = readFailure(db);
  if (failure === null) return db;
  db.close();
  if (failure.code === 'SQLITE_NOTADB' && hasPlaintextHeader(path)) return encryptInPlace(path, options, events);
  if (isWrongKey(path, failure, options.key)) throw new WrongKeyError(path);
  return { cause: 'unreadable', reason: describe(failure) };
}

/**
 * A wrong key and a damaged first page both read as "not a database"; only the key check tells
 * them apart. Without one (a database from before it), it is taken for the key, as it always was.
 */
function isWrongKey(path: string, failure: { code: string }, key: DatabaseKey): boolean {
  return failure.code === 'SQLITE_NOTADB' && compareKeyCheck(path, key) !== 'matches';
}

/**
 * Checks (after an unclean shutdown), compares with the high-water mark, configures and migrates;
 * damage found on the way is returned, with the connection closed.
 */
function settle(
  db: Database,
  path: string,
  options: OpenDatabaseOptions,
  highWater: HighWater,
  events: StartupEvent[],
  { existed, check }: { existed: boolean; check: boolean },
): { db: Database; schemaVersion: number } | Damage {
  try {
    const damage = findDamage(db, { existed, check });
    if (damage !== null) {
      db.close();
      return damage;
    }
    // Before anything is written: a write would reuse the WAL frames the loss is in.
    const lost = findLoss(db, path, highWater, clock(options));
    configure(db);
    const schemaVersion = migrate(db, migrations);
    if (lost !== null) {
      continueSequence(db, lost.expectedSequence);
      events.push(lost);
    }
    highWater.note(handedOutSequence(db));
    recordKeyCheck(path, options.key);
    return { db, schemaVersion };
  } catch (error) {
    db.close();
    if (isDatabaseCorruption(error)) return { cause: 'unreadable', reason: describe(error) };
    throw error;
  }
}

/** The full check only after an unclean shutdown (quick_check reads every page); a database that exists holds its tables. */
function findDamage(db: Database, { existed, check }: { existed: boolean; check: boolean }): Damage | null {
  const problem = check ? checkIntegrity(db) : null;
  if (problem !== null) return { cause: 'failed-check', reason: problem };
  if (existed && schemaVersionOf(db) === 0) return { cause: 'empty', reason: 'the database holds no tables' };
  return null;
}

/**
 * Sets the damaged file aside and starts a new database with what could be read from it. The
 * intent is written first, so a crash anywhere in between resumes here at the next start instead
 * of leaving the damaged file's unsynced passages behind for good.
 */
function replaceDamaged(path: string, setAside: SetAside, options: OpenDatabaseOptions, highWater: HighWater, events: StartupEvent[]): OpenedDatabase {
  writeSetAside(path, setAside);
  moveAside(path, setAside.movedTo);
  const db = connect(path, options);
  try {
    configure(db);
    const schemaVersion = migrate(db, migrations);
    const outcome: SalvageOutcome = setAside.cause === 'empty' ? { ...nothingSalvaged, highestSequence: 0 } : salvageFrom(setAside.movedTo, db, options);
    const expected = highWater.read() ?? 0;
    continueSequence(db, Math.max(expected, outcome.highestSequence ?? 0));
    highWater.note(handedOutSequence(db));
    recordKeyCheck(path, options.key);
    clearSetAside(path);
    const { highestSequence, ...salvaged } = outcome;
    events.push({ kind: 'moved-aside', movedTo: setAside.movedTo, cause: setAside.cause, reason: setAside.reason, salvage: salvaged });
    if (highestSequence !== null && highestSequence < expected) {
      events.push({ kind: 'lost-acknowledged', expectedSequence: expected, foundSequence: highestSequence, walCopy: null });
    }
    return { db, path, schemaVersion, startupEvents: events };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Reads the file set aside through a read-only connection, leaving nothing beside it that was not there. */
function salvageFrom(movedTo: string, target: Database, options: OpenDatabaseOptions): SalvageOutcome {
  // Gone since it was set aside (a crash, then someone tidied up): nothing could be read.
  if (!existsSync(movedTo)) return { ...nothingSalvaged, unreadableRanges: 1, highestSequence: null };
  const source = connect(movedTo, options, { readonly: true, fileMustExist: true });
  try {
    return salvage(source, target, clock(options));
  } finally {
    source.close();
    // A read-only connection leaves an empty WAL and its index beside the file: neither holds anything.
    if (sizeOf(`${movedTo}-wal`) === 0) for (const suffix of ['-wal', '-shm']) rmSync(movedTo + suffix, { force: true });
  }
}

const setAsideSchema = z.object({ movedTo: z.string().min(1), cause: databaseDamageCauseSchema, reason: z.string() });
type SetAside = z.infer<typeof setAsideSchema>;
const setAsideSuffix = '.set-aside';

function writeSetAside(path: string, setAside: SetAside): void {
  if (!existsSync(path + setAsideSuffix)) writeFileDurably(path + setAsideSuffix, JSON.stringify(setAside));
}

function readSetAside(path: string): SetAside | null {
  if (!existsSync(path + setAsideSuffix)) return null;
  const parsed = setAsideSchema.safeParse(JSON.parse(readFileSync(path + setAsideSuffix, 'utf8')));
  if (!parsed.success) throw new Error(`${path + setAsideSuffix} does not say which damaged file to recover: ${parsed.error.message}`);
  return parsed.data;
}

function clearSetAside(path: string): void {
  rmSync(path + setAsideSuffix);
  syncFolder(dirname(path));
}

/** Renames the database and its WAL and index to `movedTo`, finishing a move a crash interrupted. */
function moveAside(path: string, movedTo: string): void {
  if (existsSync(movedTo) && existsSync(path)) {
    // The main file moves first and the new one is made after the rest: this is a new database the
    // crash left half-made, holding nothing the damaged file does not.
    for (const suffix of databaseFiles) rmSync(path + suffix, { force: true });
    return;
  }
  for (const suffix of databaseFiles) {
    if (existsSync(path + suffix) && !existsSync(movedTo + suffix)) renameSync(path + suffix, movedTo + suffix);
  }
  syncFolder(dirname(path));
}

/** `station.db.damaged-<time>`, with a number after it if that name is taken: an earlier damaged file is never overwritten. */
function damagedName(path: string, now: Date): string {
  const base = `${path}.damaged-${fileTime(now)}`;
  for (let attempt = 1; ; attempt += 1) {
    const name = attempt === 1 ? base : `${base}-${attempt}`;
    if (!databaseFiles.some((suffix) => existsSync(name + suffix))) return name;
  }
}

type LostEvent = Extract<StartupEvent, { kind: 'lost-acknowledged' }>;

/** Fewer passages than were acknowledged: the loss, with a copy of the WAL they were in for technical support. */
function findLoss(db: Database, path: string, highWater: HighWater, now: Date): LostEvent | null {
  const expected = highWater.read();
  const found = handedOutSequence(db);
  if (expected === null || found >= expected) return null;
  let walCopy: string | null = null;
  if (sizeOf(`${path}-wal`) > 0) {
    walCopy = `${path}-wal.lost-${fileTime(now)}`;
    copyFileSync(`${path}-wal`, walCopy);
  }
  return { kind: 'lost-acknowledged', expectedSequence: expected, foundSequence: found, walCopy };
}

/** The next passage's sequence follows `sequence`: a sequence once acknowledged is never handed out again. */
function continueSequence(db: Database, sequence: number): void {
  if (sequence <= handedOutSequence(db)) return;
  db.transaction(() => {
    if (db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'passages'").run(sequence).changes === 0) {
      db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('passages', ?)").run(sequence);
    }
  })();
}

function configure(db: Database): void {
  db.pragma('journal_mode = WAL');
  // WAL at NORMAL can lose the last commits on power loss; a pass-through record is a legal record.
  db.pragma('synchronous = FULL');
  // Purged records are overwritten with zeros, not left in free pages.
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function connect(path: string, options: Pick<OpenDatabaseOptions, 'key' | 'driver'>, driverOptions?: Driver.Options): Database {
  const db = new options.driver(path, driverOptions);
  applyCipher(db);
  db.pragma(`key = "x'${options.key}'"`);
  return db;
}

/** A database from before encryption at rest: encrypted in place with the key. */
function encryptInPlace(path: string, options: OpenDatabaseOptions, events: StartupEvent[]): Database {
  const plain = new options.driver(path);
  try {
    applyCipher(plain);
    plain.pragma(`rekey = "x'${options.key}'"`);
  } finally {
    plain.close();
  }
  events.push({ kind: 'encrypted-plaintext' });
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

/** null when the schema can be read; otherwise SQLite's error (a wrong key and damage look alike here). */
function readFailure(db: Database): Error & { code: string } | null {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return null;
  } catch (error) {
    if (!isDatabaseCorruption(error)) throw error;
    return error as Error & { code: string };
  }
}

/** null when sound, otherwise what is wrong. */
function checkIntegrity(db: Database): string | null {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok' ? null : rows.map((row) => row.quick_check).join('; ').slice(0, 500);
  } catch (error) {
    return describe(error);
  }
}

function holdingOf(db: Database): Holding {
  const holding = holdings.get(db);
  if (holding === undefined) throw new Error('this connection was not opened by openDatabase');
  return holding;
}

function hold(db: Database, holding: Holding): void {
  holdings.set(db, holding);
  openHere.set(resolve(holding.path), db);
}

function release(db: Database, holding: Holding): void {
  holdings.delete(db);
  openHere.delete(resolve(holding.path));
  holding.highWater.close();
  holding.lock.release();
}

/**
 * This process's earlier connection to the file: still open, it owns the folder; closed without
 * closeDatabase (as a crash closes it), what the OS would free at the process's death is freed.
 */
function releaseAbandoned(path: string, folder: string): void {
  const previous = openHere.get(resolve(path));
  if (previous === undefined) return;
  if (previous.open) throw new DataFolderInUseError(folder, process.pid);
  release(previous, holdingOf(previous));
}

function describe(error: unknown): string {
  return `${(error as { code?: string }).code ?? 'error'}: ${(error as Error).message}`;
}

function clock(options: OpenDatabaseOptions): Date {
  return (options.now ?? (() => new Date()))();
}

function fileTime(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/** A database from before encryption at rest: SQLite's own header in clear. */
export function hasPlaintextHeader(path: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1') === sqliteHeader;
}
