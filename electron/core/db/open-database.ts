import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Driver, { type Database } from 'better-sqlite3-multiple-ciphers';
import { migrate } from './migrate';
import { migrations } from './migrations';

/**
 * The SQLite driver class. Tests and the CLI use the build compiled for this Node; the Electron
 * shell passes the N-API build that runs on Electron's own Node (see README, "Native modules").
 */
export type DatabaseDriver = typeof Driver;

export interface OpenedDatabase {
  db: Database;
  path: string;
  schemaVersion: number;
}

export function openDatabase(path: string, driver: DatabaseDriver = Driver): OpenedDatabase {
  mkdirSync(dirname(path), { recursive: true });
  const db = new driver(path);
  try {
    db.pragma('journal_mode = WAL');
    // WAL at NORMAL can lose the last commits on power loss; a pass-through record is a legal record.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const schemaVersion = migrate(db, migrations);
    return { db, path, schemaVersion };
  } catch (error) {
    db.close();
    throw error;
  }
}
