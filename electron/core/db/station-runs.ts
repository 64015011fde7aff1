import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { StationStatus } from '../../../shared/contract/status';

export function recordStationRun(db: Database, run: { startedAt: string; appVersion: string; host: StationStatus['host'] }): number {
  const result = db
    .prepare('INSERT INTO station_runs (started_at, app_version, host) VALUES (?, ?, ?)')
    .run(run.startedAt, run.appVersion, run.host);
  return Number(result.lastInsertRowid);
}

export function countStationRuns(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM station_runs').get() as { n: number }).n;
}
