import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** The database was written by a newer app; opening it could corrupt data this app doesn't know. */
export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError';
  constructor(
    readonly databaseVersion: number,
    readonly appSchemaVersion: number,
  ) {
    super(
      `the database has schema version ${databaseVersion}, newer than this app's ${appSchemaVersion}: update the app`,
    );
  }
}

export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs the pending migrations, each in its own transaction with its version. Returns the new version. */
export function migrate(db: Database, migrations: readonly Migration[]): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersionOf(db);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersionOf(db);
}
