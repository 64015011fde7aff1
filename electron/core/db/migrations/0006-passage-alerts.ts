import type { Migration } from '../migrate';

/**
 * Alerts about a passage the central API judged, at sync, worse than the station did offline (not
 * genuine, identity not confirmed, denied, quarantine). They replace the VNeID-only `retro_check`
 * column: every offline decision is checked again now. An officer acknowledges an alert (audited);
 * retention never purges a passage whose alert is still open.
 *
 * And the app window's sighting id with the passage it became: a report retried after the station
 * restarted mid-answer finds its passage instead of making a second one.
 */
export const migration0006PassageAlerts: Migration = {
  version: 6,
  name: 'passage-alerts',
  up(db) {
    db.exec(`
      CREATE TABLE passage_alerts (
        passage_id      TEXT PRIMARY KEY REFERENCES passages (id) ON DELETE CASCADE,
        kind            TEXT NOT NULL CHECK (kind IN ('not-genuine', 'not-confirmed', 'denied', 'quarantine')),
        raised_at       TEXT NOT NULL,
        acknowledged_at TEXT,
        acknowledged_by TEXT
      ) STRICT;
      CREATE INDEX passage_alerts_open ON passage_alerts (raised_at) WHERE acknowledged_at IS NULL;

      INSERT INTO passage_alerts (passage_id, kind, raised_at)
        SELECT id, retro_check, coalesce(synced_at, scanned_at) FROM passages WHERE retro_check IN ('not-genuine', 'denied');
      DROP INDEX passages_retro_alerts;
      ALTER TABLE passages DROP COLUMN retro_check;

      ALTER TABLE passages ADD COLUMN sighting_id TEXT;
      CREATE UNIQUE INDEX passages_by_sighting ON passages (sighting_id) WHERE sighting_id IS NOT NULL;
    `);
  },
};
