import type { Migration } from '../migrate';

/**
 * The officer's screen: officers who sign in with a PIN (scrypt hash, lockout after wrong PINs),
 * an officer's override of a verdict and amendments to a passage (a revision the central API uses
 * to take the newest copy once), and the connectivity transitions, so a shift's offline time
 * survives a restart. Counts and the "by verdict" search go by the final verdict (the override when
 * there is one), so their indexes cover the override too.
 */
export const migration0005OfficersAndAmendments: Migration = {
  version: 5,
  name: 'officers-and-amendments',
  up(db) {
    db.exec(`
      CREATE TABLE officers (
        id              TEXT PRIMARY KEY,
        name            TEXT NOT NULL,
        pin_hash        TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until    TEXT,
        created_at      TEXT NOT NULL
      ) STRICT;

      ALTER TABLE passages ADD COLUMN override_verdict TEXT CHECK (override_verdict IN ('pass', 'check', 'deny', 'invalid'));
      ALTER TABLE passages ADD COLUMN override_reason TEXT;
      ALTER TABLE passages ADD COLUMN override_officer_id TEXT;
      ALTER TABLE passages ADD COLUMN override_at TEXT;
      ALTER TABLE passages ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

      DROP INDEX passages_by_time;
      CREATE INDEX passages_by_time ON passages (scanned_at, verdict, override_verdict);
      DROP INDEX passages_by_verdict;
      CREATE INDEX passages_by_final_verdict ON passages (coalesce(override_verdict, verdict), sequence);

      -- 'stopped' closes the open interval when the station stops, so downtime is not counted as offline.
      CREATE TABLE connectivity_log (
        id    INTEGER PRIMARY KEY AUTOINCREMENT,
        at    TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('online', 'offline', 'stopped'))
      ) STRICT;
      CREATE INDEX connectivity_log_by_time ON connectivity_log (at);
    `);
  },
};
