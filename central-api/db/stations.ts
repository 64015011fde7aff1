import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomToken, sha256 } from './hash';

/** An enrolled station, as its token proves it: its id and the checkpoint it is bound to. */
export interface Station {
  id: string;
  checkpointId: string;
}

/**
 * Registers a reusable bootstrap secret (CENTRAL_API_ENROL_SECRET or --enrol-secret-file). Demo and
 * test only: it enrols new station ids but never takes over an enrolled one (see enrolStation).
 */
export function registerEnrolSecret(db: Database, secret: string, now: Date): void {
  db.prepare('INSERT OR IGNORE INTO enrol_secrets (secret_hash, created_at) VALUES (?, ?)').run(sha256(secret), now.toISOString());
}

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. 256 bytes map evenly onto 32. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 20 characters of 5 bits: 100 random bits, far beyond guessing at the enrolment rate limit. */
const CODE_LENGTH = 20;
const CODE_GROUP = 5;

/** Case and dashes do not matter in a code, so it is looked up by its bare upper-case form. */
const codeHash = (code: string): string => sha256(code.replace(/-/g, '').toUpperCase());

export interface IssuedCode {
  /** Shown once to the administrator; only its hash is stored. */
  code: string;
  expiresAt: Date;
}

/**
 * An administrator's one-time enrolment code for one station id at one checkpoint, valid for
 * `validHours`. It replaces any unused code issued earlier for that station id.
 */
export function issueEnrolmentCode(db: Database, request: { stationId: string; checkpointId: string; validHours: number }, now: Date): IssuedCode {
  const characters = [...randomBytes(CODE_LENGTH)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
  const code = characters.match(new RegExp(`.{${CODE_GROUP}}`, 'g'))!.join('-');
  const expiresAt = new Date(now.getTime() + request.validHours * 3_600_000);
  db.transaction(() => {
    db.prepare('DELETE FROM enrolment_codes WHERE station_id = ? AND used_at IS NULL').run(request.stationId);
    db.prepare('INSERT INTO enrolment_codes (code_hash, station_id, checkpoint_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
      codeHash(code),
      request.stationId,
      request.checkpointId,
      now.toISOString(),
      expiresAt.toISOString(),
    );
  })();
  return { code, expiresAt };
}

export interface EnrolRequest {
  stationId: string;
  checkpointId: string;
  name?: string | undefined;
  /** A one-time enrolment code or the bootstrap secret. */
  secret: string;
}

export type EnrolOutcome =
  | { enrolled: true; token: string; checkpointId: string; by: 'code' | 'bootstrap-secret' }
  | { enrolled: false; status: 401 | 403 | 409; code: string; message: string };

const refused = (status: 401 | 403 | 409, code: string, message: string): EnrolOutcome => ({ enrolled: false, status, code, message });

interface CodeRow {
  station_id: string;
  checkpoint_id: string;
  expires_at: string;
  used_at: string | null;
}

/** A new token for the station, replacing (and so revoking) any it had. */
function saveStation(db: Database, request: EnrolRequest, checkpointId: string, now: Date): string {
  const token = randomToken();
  db.prepare(
    `INSERT INTO stations (station_id, checkpoint_id, name, token_hash, enrolled_at) VALUES (@stationId, @checkpointId, @name, @tokenHash, @now)
     ON CONFLICT (station_id) DO UPDATE SET checkpoint_id = excluded.checkpoint_id, name = excluded.name,
       token_hash = excluded.token_hash, enrolled_at = excluded.enrolled_at`,
  ).run({ stationId: request.stationId, checkpointId, name: request.name ?? null, tokenHash: sha256(token), now: now.toISOString() });
  return token;
}

function enrolWithCode(db: Database, row: CodeRow, hash: string, request: EnrolRequest, now: Date): EnrolOutcome {
  if (row.used_at !== null) return refused(401, 'enrolment-code-invalid', 'this enrolment code was already used');
  if (Date.parse(row.expires_at) <= now.getTime()) return refused(401, 'enrolment-code-expired', 'this enrolment code has expired: ask the administrator for a new one');
  if (row.station_id !== request.stationId) return refused(403, 'station-mismatch', 'this enrolment code was issued for another station id');
  if (row.checkpoint_id !== request.checkpointId) return refused(403, 'checkpoint-mismatch', `this enrolment code is for checkpoint ${row.checkpoint_id}`);
  db.prepare('UPDATE enrolment_codes SET used_at = ? WHERE code_hash = ?').run(now.toISOString(), hash);
  return { enrolled: true, token: saveStation(db, request, row.checkpoint_id, now), checkpointId: row.checkpoint_id, by: 'code' };
}

/**
 * The bootstrap secret enrols a new station id; an enrolled one only when the request also carries
 * that station's current token (`presentedBy`), and only for the checkpoint it is bound to. So a
 * secret that leaked cannot revoke a station's token and upload in its name.
 */
function enrolWithBootstrapSecret(db: Database, request: EnrolRequest, presentedBy: Station | null, now: Date): EnrolOutcome {
  const existing = findStation(db, request.stationId);
  if (existing && presentedBy?.id !== existing.id) {
    return refused(409, 'station-already-enrolled', "this station id is enrolled: enrol again with the station's current token or an administrator's enrolment code");
  }
  if (existing && existing.checkpointId !== request.checkpointId) return refused(403, 'checkpoint-mismatch', `this station is enrolled for checkpoint ${existing.checkpointId}`);
  return { enrolled: true, token: saveStation(db, request, request.checkpointId, now), checkpointId: request.checkpointId, by: 'bootstrap-secret' };
}

/**
 * Enrols a station with an administrator's one-time code or the bootstrap secret, binding it to its
 * checkpoint. One transaction: a code is spent exactly once even when two stations race with it.
 */
export function enrolStation(db: Database, request: EnrolRequest, presentedBy: Station | null, now: Date): EnrolOutcome {
  return db.transaction((): EnrolOutcome => {
    const hash = codeHash(request.secret);
    const code = db.prepare('SELECT station_id, checkpoint_id, expires_at, used_at FROM enrolment_codes WHERE code_hash = ?').get(hash) as CodeRow | undefined;
    if (code) return enrolWithCode(db, code, hash, request, now);
    if (db.prepare('SELECT 1 FROM enrol_secrets WHERE secret_hash = ?').get(sha256(request.secret))) return enrolWithBootstrapSecret(db, request, presentedBy, now);
    return refused(401, 'enrolment-code-invalid', 'unknown enrolment code or secret');
  }).immediate();
}

function findStation(db: Database, stationId: string): Station | undefined {
  const row = db.prepare('SELECT station_id AS id, checkpoint_id AS checkpointId FROM stations WHERE station_id = ?').get(stationId);
  return row as Station | undefined;
}

/** The station a bearer token belongs to, if it is current. */
export function stationForToken(db: Database, token: string): Station | undefined {
  const row = db.prepare('SELECT station_id AS id, checkpoint_id AS checkpointId FROM stations WHERE token_hash = ?').get(sha256(token));
  return row as Station | undefined;
}
