import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { DatabaseSalvage } from '../../../shared/contract/status';
import { auditEntrySchema } from '../../../shared/records/audit';
import { officerIdSchema } from '../../../shared/records/officer';
import { passageSchema } from '../../../shared/records/passage';
import { passageAlertSchema } from '../../../shared/records/passage-alert';
import { foldForSearch, normalisePlate } from '../../../shared/text/search-fold';
import { passageFromRow, type PassageRow } from '../store/passage-rows';
import { isDatabaseError } from './database-errors';

export interface SalvageOutcome extends DatabaseSalvage {
  /** The highest passage sequence the damaged database had handed out; null when that could not be read. */
  highestSequence: number | null;
}

export const nothingSalvaged: DatabaseSalvage = { passages: 0, officers: 0, referenceData: 0, auditEntries: 0, unreadableRanges: 0, invalidRows: 0 };

/** The last passage sequence handed out (AUTOINCREMENT's own record: it survives the purge of the newest rows). */
export function handedOutSequence(db: Database): number {
  const hasSequences = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'").get() !== undefined;
  if (!hasSequences) return 0;
  return (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'passages'").pluck().get() as number | undefined) ?? 0;
}

/**
 * Copies what can still be read from a damaged database (`source`, opened read-only) into the
 * new one (`target`, migrated, empty): the passages the central API does not have yet with their
 * outbox entries (same id, sequence, revision and amendments, so the server takes each once) and
 * those with an alert the officer has not acknowledged, the officers (or nobody could sign in), the
 * reference data and the audit log. Every row is validated again before it is written; one
 * transaction, so a crash leaves all of it or none.
 */
export function salvage(source: Database, target: Database, now: Date): SalvageOutcome {
  const outcome: SalvageOutcome = { ...nothingSalvaged, highestSequence: null };
  const tally: Tally = { unreadable: () => (outcome.unreadableRanges += 1), invalid: () => (outcome.invalidRows += 1) };
  // Read-only, so nothing can be written; this lets SQLite read a file shorter than its header
  // says (truncated) instead of refusing it whole.
  source.unsafeMode(true);
  source.pragma('writable_schema = ON');
  if (attempt(() => source.prepare('SELECT count(*) FROM sqlite_master').get()) === null) {
    tally.unreadable();
    return outcome;
  }

  const alerts = new Map<string, Row>();
  eachValid(source, target, alertsCopy, tally, (row) => alerts.set(row.passage_id as string, row));
  const openAlerts = [...alerts.values()].filter((row) => row.acknowledged_at === null).map((row) => row.passage_id as string);
  target.transaction(() => {
    const carried = new Set<string>();
    const awaitingOutbox = new Set<string>();
    outcome.passages = copyTable(source, target, passagesCopy(alerts, openAlerts), tally, (row) => {
      carried.add(row.id as string);
      if (row.sync_state === 'pending') awaitingOutbox.add(row.id as string);
    });
    copyTable(source, target, outboxCopy(carried), tally, (row) => awaitingOutbox.delete(row.passage_id as string));
    // A pending passage whose entry could not be read is queued again, or it would never be sent.
    const enqueue = target.prepare('INSERT INTO outbox (passage_id, enqueued_at, next_attempt_at) VALUES (?, ?, ?)');
    for (const id of awaitingOutbox) enqueue.run(id, now.toISOString(), now.toISOString());
    for (const [passageId, row] of alerts) if (carried.has(passageId)) insertInto(target, alertsCopy.table, Object.keys(row)).run(row);
    outcome.officers = copyTable(source, target, officersCopy, tally);
    outcome.referenceData = copyTable(source, target, referenceDataCopy, tally);
    outcome.auditEntries = copyTable(source, target, auditLogCopy, tally);
  })();

  const tops = [attempt(() => handedOutSequence(source)), attempt(() => source.prepare('SELECT max(rowid) FROM passages').pluck().get())];
  const known = tops.filter((top): top is number => typeof top === 'number');
  outcome.highestSequence = known.length === 0 ? null : Math.max(...known);
  return outcome;
}

type Row = Record<string, unknown>;

interface Tally {
  unreadable(): void;
  invalid(): void;
}

/** A table copied row by row as it is stored: the new database's columns, taken from the old one where it has them. */
interface TableCopy {
  table: string;
  /** Narrows the rows read (SQL after `WHERE rowid >= ?`). */
  where?: string;
  /** Rows with nothing left to do in the new database: passed over, not counted as invalid. */
  unwanted?(row: Row): boolean;
  valid(row: Row): boolean;
  /** Columns made again from the row rather than trusted (search keys). */
  derived?: { columns: readonly string[]; of(row: Row): Row };
}

const isoTime = z.iso.datetime();
const outboxRowSchema = z.object({ sequence: z.number().int().positive(), passage_id: z.uuid(), enqueued_at: isoTime, next_attempt_at: isoTime });
const alertRowSchema = z.object({ passage_id: z.uuid() });
const officerRowSchema = z.object({
  id: officerIdSchema,
  name: z.string().min(1).max(120),
  pin_hash: z.string().startsWith('scrypt$'),
  failed_attempts: z.number().int().nonnegative(),
  locked_until: isoTime.nullable(),
  created_at: isoTime,
});
const referenceRowSchema = z.object({ name: z.string().min(1), version: z.string(), etag: z.string().nullable(), fetched_at: isoTime, body: z.string() });

/** Unsynced passages (synced ones are at the central API already), and those whose alert is still open. */
function passagesCopy(alerts: ReadonlyMap<string, Row>, openAlerts: readonly string[]): TableCopy {
  // Validated UUIDs, so quoting them into the statement is safe.
  const flagged = openAlerts.length === 0 ? '' : ` OR id IN (${openAlerts.map((id) => `'${id}'`).join(', ')})`;
  return {
    table: 'passages',
    where: `AND (sync_state <> 'synced'${flagged})`,
    valid: (row) => isValidPassage(row, alerts.get(row.id as string)),
    derived: {
      columns: ['plate_search', 'name_search'],
      of: (row) => ({
        plate_search: typeof row.plate === 'string' ? normalisePlate(row.plate) : null,
        name_search: typeof row.full_name === 'string' ? foldForSearch(row.full_name) : null,
      }),
    },
  };
}

/** Entries of the passages carried over; one for a passage left behind (synced, unreadable) has nothing to send. */
function outboxCopy(carried: ReadonlySet<string>): TableCopy {
  return {
    table: 'outbox',
    unwanted: (row) => typeof row.passage_id !== 'string' || !carried.has(row.passage_id),
    valid: (row) => outboxRowSchema.safeParse(row).success,
  };
}

/** Read before the passages (which ones to carry depends on them), written after them. */
const alertsCopy: TableCopy = {
  table: 'passage_alerts',
  valid: (row) =>
    alertRowSchema.safeParse(row).success &&
    passageAlertSchema.safeParse({ kind: row.kind, raisedAt: row.raised_at, acknowledgedAt: row.acknowledged_at, acknowledgedBy: row.acknowledged_by }).success,
};

const officersCopy: TableCopy = { table: 'officers', valid: (row) => officerRowSchema.safeParse(row).success };
const referenceDataCopy: TableCopy = {
  table: 'reference_data',
  // The body's content is checked again by the reference cache when it loads it.
  valid: (row) => referenceRowSchema.safeParse(row).success && parseJson(row.body) !== undefined,
};
const auditLogCopy: TableCopy = { table: 'audit_log', valid: (row) => auditEntrySchema.safeParse({ ...row, details: parseJson(row.details) }).success };

function isValidPassage(row: Row, alert: Row | undefined): boolean {
  if (!isoTime.nullable().safeParse(row.synced_at ?? null).success) return false;
  const joined = {
    ...row,
    alert_kind: alert?.kind ?? null,
    alert_raised_at: alert?.raised_at ?? null,
    alert_acknowledged_at: alert?.acknowledged_at ?? null,
    alert_acknowledged_by: alert?.acknowledged_by ?? null,
  };
  try {
    return passageSchema.safeParse(passageFromRow(joined as unknown as PassageRow)).success;
  } catch (error) {
    if (error instanceof SyntaxError) return false; // reasons that are not JSON
    throw error;
  }
}

/** Copies every readable, valid row of a table; returns how many were copied. */
function copyTable(source: Database, target: Database, copy: TableCopy, tally: Tally, copied: (row: Row) => void = () => undefined): number {
  let insert: Statement | null = null;
  let count = 0;
  eachValid(source, target, copy, tally, (row) => {
    const values = { ...row, ...copy.derived?.of(row) };
    insert ??= insertInto(target, copy.table, Object.keys(values));
    if (insert.run(values).changes === 0) {
      tally.invalid();
      return;
    }
    count += 1;
    copied(row);
  });
  return count;
}

/** Hands over each readable, wanted and valid row; counts the others. A table the old database never had is passed over. */
function eachValid(source: Database, target: Database, copy: TableCopy, tally: Tally, take: (row: Row) => void): void {
  const present = attempt(() => source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(copy.table));
  if (present === undefined) return;
  const derived = new Set(copy.derived?.columns ?? []);
  const sourceColumns = new Set(attempt(() => columnsOf(source, copy.table)) ?? []);
  // Columns of a newer schema than the old file's are left to their defaults.
  const columns = columnsOf(target, copy.table).filter((column) => !derived.has(column) && (sourceColumns.size === 0 || sourceColumns.has(column)));
  readAround(source, copy.table, columns.join(', '), copy.where ?? '', tally.unreadable, (row) => {
    if (copy.unwanted?.(row) === true) return;
    if (copy.valid(row)) take(row);
    else tally.invalid();
  });
}

function columnsOf(db: Database, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
}

function insertInto(db: Database, table: string, columns: readonly string[]): Statement {
  return db.prepare(`INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
}

/** Rows are read this many at a time; a page that fails is read again in halves, down to one row. */
const pageRows = 256;
/** Above any rowid the station makes, and small enough for exact arithmetic on doubles. */
const lastRowid = 2 ** 52;

/**
 * Reads the table in rowid order around damaged pages, without any index (an index may be the
 * damaged part). Where even one row cannot be read, it gallops forward (1, 2, 4… rowids) to where
 * reading works again and bisects back to the first row after the damage, so a damaged page costs
 * a few dozen reads, whatever the gap in rowids around it (purged passages).
 */
function readAround(source: Database, table: string, columns: string, filter: string, unreadable: () => void, take: (row: Record<string, unknown>) => void): void {
  let select: Statement<[number, number], Record<string, unknown> & { salvage_rowid: number }>;
  try {
    select = source.prepare(`SELECT rowid AS salvage_rowid, ${columns} FROM ${table} NOT INDEXED WHERE rowid >= ? ${filter} ORDER BY rowid LIMIT ?`);
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    unreadable(); // its schema entry or its root page is gone
    return;
  }
  const page = (from: number, limit: number) => attempt(() => select.all(from, limit));
  let from = 1;
  let limit = pageRows;
  while (from <= lastRowid) {
    const rows = page(from, limit);
    if (rows === null) {
      if (limit > 1) {
        limit = Math.floor(limit / 2);
        continue;
      }
      unreadable();
      from = firstReadableAfter(from, (start) => page(start, 1) !== null);
      limit = pageRows;
      continue;
    }
    for (const row of rows) take(Object.fromEntries(Object.entries(row).filter(([column]) => column !== 'salvage_rowid')));
    const last = rows.at(-1);
    if (rows.length < limit || last === undefined) return;
    from = last.salvage_rowid + 1;
    limit = pageRows;
  }
}

/** `bad` cannot be read from; the first rowid after it from which reading works (lastRowid + 1: none). */
function firstReadableAfter(bad: number, readable: (from: number) => boolean): number {
  let below = bad;
  let step = 1;
  let good = below + 1;
  while (good <= lastRowid && !readable(good)) {
    below = good;
    step *= 2;
    good = Math.min(below + step, lastRowid + 1);
  }
  while (good - below > 1) {
    const middle = below + Math.floor((good - below) / 2);
    if (readable(middle)) good = middle;
    else below = middle;
  }
  return good;
}

/** The value, or null when SQLite could not read it (any SQLite error: damaged pages show up as several codes). */
function attempt<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (isDatabaseError(error)) return null;
    throw error;
  }
}

/** The parsed value; undefined for anything that is not JSON text. */
function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
