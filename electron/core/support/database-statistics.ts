import { existsSync, statSync } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';

/** What the database holds, in counts and sizes only: never a row. */
export interface DatabaseStatistics {
  schemaVersion: number;
  rowCounts: Record<string, number>;
  pageSize: number;
  pageCount: number;
  freePages: number;
}

export interface DatabaseFiles {
  /** Bytes of the database file and its WAL; null where the file does not exist. */
  sizes: Record<string, number | null>;
  /** The clean-shutdown mark: present after a clean close, absent while running or after a crash. */
  cleanShutdownMark: boolean;
}

export function readDatabaseStatistics(db: Database): DatabaseStatistics {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const rowCounts = Object.fromEntries(
    // Names come from sqlite_master, quoted as identifiers.
    tables.map((table) => [table, db.prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get() as number]),
  );
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    rowCounts,
    pageSize: db.pragma('page_size', { simple: true }) as number,
    pageCount: db.pragma('page_count', { simple: true }) as number,
    freePages: db.pragma('freelist_count', { simple: true }) as number,
  };
}

export function describeDatabaseFiles(databasePath: string): DatabaseFiles {
  const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : null);
  return {
    sizes: { database: sizeOf(databasePath), wal: sizeOf(`${databasePath}-wal`) },
    cleanShutdownMark: existsSync(`${databasePath}.clean-shutdown`),
  };
}
