import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomToken, sha256 } from './hash';

/**
 * Registers a reusable bootstrap secret (`--enrol-secret`). Demo and test only: a real deployment
 * would issue a one-time secret per station out of band.
 */
export function registerEnrolSecret(db: Database, secret: string, now: Date): void {
  db.prepare('INSERT OR IGNORE INTO enrol_secrets (secret_hash, created_at) VALUES (?, ?)').run(sha256(secret), now.toISOString());
}

export interface Enrolment {
  stationId: string;
  checkpointId: string;
  name?: string | undefined;
  secret: string;
}

/**
 * Enrols a station and returns its new token, or undefined for an unknown secret. Enrolling the
 * same station again replaces its token, which revokes the old one.
 */
export function enrolStation(db: Database, enrolment: Enrolment, now: Date): string | undefined {
  const known = db.prepare('SELECT 1 FROM enrol_secrets WHERE secret_hash = ?').get(sha256(enrolment.secret));
  if (!known) return undefined;
  const token = randomToken();
  db.prepare(
    `INSERT INTO stations (station_id, checkpoint_id, name, token_hash, enrolled_at) VALUES (@stationId, @checkpointId, @name, @tokenHash, @now)
     ON CONFLICT (station_id) DO UPDATE SET checkpoint_id = excluded.checkpoint_id, name = excluded.name,
       token_hash = excluded.token_hash, enrolled_at = excluded.enrolled_at`,
  ).run({ stationId: enrolment.stationId, checkpointId: enrolment.checkpointId, name: enrolment.name ?? null, tokenHash: sha256(token), now: now.toISOString() });
  return token;
}

/** The station a bearer token belongs to, if it is current. */
export function stationForToken(db: Database, token: string): string | undefined {
  const row = db.prepare('SELECT station_id FROM stations WHERE token_hash = ?').get(sha256(token)) as { station_id: string } | undefined;
  return row?.station_id;
}
