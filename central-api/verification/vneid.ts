// The simulated VNeID backend: one-minute opaque tokens bound to a citizen, judged at the time the
// station scanned them.
//
// Tokens are issued and expire in server time; a station reports its scan in its own clock. A
// station warns its officer once its clock is more than 5 minutes off, so up to that much error
// is normal operation, and the validity window is widened by it on both sides: a token is genuine
// when the scan time, give or take the tolerance, falls in [issued, expires]. That lets a
// screenshot be replayed for up to 5 minutes after expiry — the price of not turning honest
// officers with drifting clocks away. An upload that carries `serverTime` (the scan time already
// corrected by the station's measured clock offset) is judged with a much smaller tolerance.

import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Citizen } from '../api-types';
import { getCitizen } from '../db/citizens';
import { randomToken, sha256 } from '../db/hash';

export const VNEID_TOKEN_LIFETIME_MS = 60_000;
/** The station clock error a station tolerates before it warns (see above). */
export const STATION_CLOCK_TOLERANCE_MS = 5 * 60_000;
/** Error left in a station's offset-corrected `serverTime`: a round trip plus drift since measured. */
export const SERVER_TIME_TOLERANCE_MS = 30_000;

/** Issues a token for a registered citizen; undefined for an unknown one. */
export function issueVneidToken(db: Database, idNumber: string, now: Date): { token: string; expiresAt: string } | undefined {
  if (!getCitizen(db, idNumber)) return undefined;
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + VNEID_TOKEN_LIFETIME_MS).toISOString();
  db.prepare('INSERT INTO vneid_tokens (token_hash, id_number, issued_at, expires_at) VALUES (?, ?, ?, ?)').run(sha256(token), idNumber, now.toISOString(), expiresAt);
  return { token, expiresAt };
}

/** The citizen a token belongs to if it was valid at `scannedAt` (± tolerance); otherwise undefined. */
export function citizenForToken(db: Database, token: string, scannedAt: Date, toleranceMs: number): Citizen | undefined {
  const row = db.prepare('SELECT id_number, issued_at, expires_at FROM vneid_tokens WHERE token_hash = ?').get(sha256(token)) as
    | { id_number: string; issued_at: string; expires_at: string }
    | undefined;
  if (!row) return undefined;
  const at = scannedAt.getTime();
  const valid = at + toleranceMs >= Date.parse(row.issued_at) && at - toleranceMs <= Date.parse(row.expires_at);
  return valid ? getCitizen(db, row.id_number) : undefined;
}
