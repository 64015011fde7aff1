import type { Migration } from '../migrate';

/** Reference data cached for offline work (verdict rules, deny list…), with the server's version and ETag. */
export const migration0004ReferenceData: Migration = {
  version: 4,
  name: 'reference-data',
  up(db) {
    db.exec(`
      CREATE TABLE reference_data (
        name       TEXT PRIMARY KEY,
        version    TEXT NOT NULL,
        etag       TEXT,
        fetched_at TEXT NOT NULL,
        body       TEXT NOT NULL
      ) STRICT;
    `);
  },
};
