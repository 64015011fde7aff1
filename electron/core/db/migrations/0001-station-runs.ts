import type { Migration } from '../migrate';

/** Each start of the station: the first table, and the trail of when the station was running. */
export const migration0001StationRuns: Migration = {
  version: 1,
  name: 'station-runs',
  up(db) {
    db.exec(`
      CREATE TABLE station_runs (
        id          INTEGER PRIMARY KEY,
        started_at  TEXT NOT NULL,
        app_version TEXT NOT NULL,
        host        TEXT NOT NULL CHECK (host IN ('electron', 'browser', 'headless'))
      ) STRICT;
    `);
  },
};
