// The simulated VNeID backend: one-minute opaque tokens bound to a citizen, kept only as hashes.
//
// Tokens are issued and expire in server time, and are judged in server time, never in a clock a
// client reports (a back-dated scan time would bring an expired token back to life):
// - online, at the server's own time of the check, with 5 s of tolerance: the station asks within
//   its 1.5 s verify deadline of the scan, so a code read in its last second still passes, and a
//   screenshot shown after its minute fails;
// - at sync, for a token scanned offline, at the scan time corrected by the station's measured
//   clock offset (`serverTime`), with 30 s of tolerance (a round trip plus drift since measured).
//   Without a measured offset a replay cannot be bounded at all: such a token is not confirmed.

import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { IdentityToken } from '../../shared/citizen/api-types';
import type { Citizen } from '../api-types';
import { getCitizen } from '../db/citizens';
import { randomToken, sha256 } from '../db/hash';

export const VNEID_TOKEN_LIFETIME_MS = 60_000;
/** The station clock error a station tolerates before it warns: for what a card's passage says of its scan time. */
export const STATION_CLOCK_TOLERANCE_MS = 5 * 60_000;
/** From a scan to the server's answer: the station's verify deadline and the decode before it. */
export const ONLINE_CHECK_TOLERANCE_MS = 5_000;
/** Error left in a station's offset-corrected `serverTime`: a round trip plus drift since measured. */
export const SERVER_TIME_TOLERANCE_MS = 30_000;

/**
 * How long an expired token's hash is kept: a station offline for days still has its passages
 * checked at sync. After that the hash goes (a token of a week ago proves nothing more).
 */
export const EXPIRED_TOKEN_RETENTION_MS = 7 * 86_400_000;

/**
 * Issues a token for a signed-in citizen (routes/citizen.ts checks the session): their identity
 * QR. Purges tokens past their retention.
 */
export function issueVneidToken(db: Database, idNumber: string, now: Date): IdentityToken {
  db.prepare('DELETE FROM vneid_tokens WHERE expires_at < ?').run(new Date(now.getTime() - EXPIRED_TOKEN_RETENTION_MS).toISOString());
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + VNEID_TOKEN_LIFETIME_MS).toISOString();
  db.prepare('INSERT INTO vneid_tokens (token_hash, id_number, issued_at, expires_at) VALUES (?, ?, ?, ?)').run(sha256(token), idNumber, now.toISOString(), expiresAt);
  return { token, expiresAt, serverTime: now.toISOString() };
}

/**
 * What a token is at `scannedAt` (± tolerance): its citizen's when it was valid then; `expired`
 * (or not yet valid) for a token the backend did issue; undefined for one it never issued.
 */
export function judgeToken(db: Database, token: string, scannedAt: Date, toleranceMs: number): { kind: 'valid'; citizen: Citizen } | { kind: 'expired' } | undefined {
  const row = db.prepare('SELECT id_number, issued_at, expires_at FROM vneid_tokens WHERE token_hash = ?').get(sha256(token)) as
    | { id_number: string; issued_at: string; expires_at: string }
    | undefined;
  const citizen = row && getCitizen(db, row.id_number);
  if (!row || !citizen) return undefined;
  const at = scannedAt.getTime();
  const valid = at + toleranceMs >= Date.parse(row.issued_at) && at - toleranceMs <= Date.parse(row.expires_at);
  return valid ? { kind: 'valid', citizen } : { kind: 'expired' };
}
