import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Driver, { type Database } from 'better-sqlite3-multiple-ciphers';
import { migrate } from './migrate';
import { migrations } from './migrations';

export type { Database };

/**
 * Opens (or creates) `<dataDir>/central-api.sqlite` and migrates it. Unencrypted: this is the
 * reference server for tests and demos, and its register is synthetic.
 */
export function openCentralDatabase(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Driver(join(dataDir, 'central-api.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    // An accepted passage is a legal record: once the station hears "accepted" it may forget it,
    // so the commit must survive a power cut (WAL at NORMAL can lose the last commits).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function closeCentralDatabase(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
