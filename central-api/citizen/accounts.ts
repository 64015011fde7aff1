// The simulated VNeID account backend: registration checked against the population register and
// the carriers' (the phone must be the citizen's own), an SMS one-time code, a password, sign-in
// and sessions. Every secret (registration id, code,
// password, session token) is kept only as a hash. A stranger learns nothing about whether an ID
// number exists: an unknown ID and wrong details get the same answer, and a sign-in with an ID
// without an account costs the same time and counts towards the same lock-out as a wrong password.

import { randomInt } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  CITIZEN_SESSION_LIFETIME_MS,
  OTP_LENGTH,
  OTP_LIFETIME_MS,
  OTP_MAX_RESENDS,
  OTP_MAX_WRONG,
  OTP_RESEND_AFTER_MS,
  REGISTRATION_LIFETIME_MS,
  SIGN_IN_LOCKOUT_MS,
  SIGN_IN_MAX_WRONG,
  brokenPasswordRules,
  maskPhoneNumber,
  type PasswordRule,
} from '../../shared/citizen/account-rules';
import type { CitizenAccount, OtpSent, RegistrationDetails } from '../../shared/citizen/api-types';
import { foldForSearch } from '../../shared/text/search-fold';
import type { Citizen } from '../api-types';
import { getCitizen, phoneBelongsTo } from '../db/citizens';
import { randomToken, sha256 } from '../db/hash';
import type { SmsGateway } from './sms-outbox';
import { decoyPasswordHash, hashPassword, passwordMatches } from './password-hash';

export interface Session {
  token: string;
  expiresAt: string;
}

interface RegistrationRow {
  id_number: string;
  phone: string;
  otp_hash: string;
  otp_sent_at: string;
  otp_expires_at: string;
  resends: number;
  wrong_otps: number;
  verified_at: string | null;
}

const iso = (at: number) => new Date(at).toISOString();
/** The code is hashed with its registration: the same six digits of two registrations hash apart. */
const otpHash = (registrationId: string, otp: string) => sha256(`${registrationId}:${otp}`);
const newOtp = () => String(randomInt(0, 10 ** OTP_LENGTH)).padStart(OTP_LENGTH, '0');
const otpMessage = (otp: string) => `VNeID: Mã xác thực của bạn là ${otp}, có hiệu lực trong ${OTP_LIFETIME_MS / 60_000} phút. Không cung cấp mã này cho bất kỳ ai.`;

/** The register holds this citizen with exactly these details (name with diacritics and case folded). */
function registerAgrees(db: Database, details: Citizen): boolean {
  const citizen = getCitizen(db, details.idNumber);
  return citizen !== undefined && foldForSearch(citizen.fullName) === foldForSearch(details.fullName) && citizen.birthDate === details.birthDate && citizen.sex === details.sex;
}

const hasAccount = (db: Database, idNumber: string) => db.prepare('SELECT 1 FROM citizen_accounts WHERE id_number = ?').get(idNumber) !== undefined;

function purgeExpired(db: Database, now: Date): void {
  db.prepare('DELETE FROM citizen_registrations WHERE expires_at < ?').run(now.toISOString());
  db.prepare('DELETE FROM citizen_sessions WHERE expires_at < ?').run(now.toISOString());
}

function otpSent(registrationId: string, row: Pick<RegistrationRow, 'phone' | 'otp_sent_at' | 'otp_expires_at' | 'resends'>): OtpSent {
  return {
    registrationId,
    phone: maskPhoneNumber(row.phone),
    otpExpiresAt: row.otp_expires_at,
    resendAfter: iso(Date.parse(row.otp_sent_at) + OTP_RESEND_AFTER_MS),
    resendsLeft: OTP_MAX_RESENDS - row.resends,
  };
}

export type StartOutcome = { kind: 'otp-sent'; sent: OtpSent } | { kind: 'details-mismatch' } | { kind: 'already-registered' };

/**
 * A new code for a registration: stored (hashed) and sent together or not at all, so the code
 * the citizen reads is always the one that works; any earlier one stops working.
 */
function sendNewCode(db: Database, registrationId: string, phone: string, resends: number, now: Date, sms: SmsGateway, store: (otpHash: string, sentAt: string, expiresAt: string) => void): OtpSent {
  const otp = newOtp();
  const row = { phone, otp_sent_at: now.toISOString(), otp_expires_at: iso(now.getTime() + OTP_LIFETIME_MS), resends };
  db.transaction(() => {
    store(otpHash(registrationId, otp), row.otp_sent_at, row.otp_expires_at);
    sms(phone, otpMessage(otp), now);
  })();
  return otpSent(registrationId, row);
}

/**
 * The register check, then a code by SMS to the citizen's own phone. An unknown ID number, wrong
 * details and someone else's phone are the same `details-mismatch`; only someone who has all of a
 * card's details learns that it has an account. A new registration replaces one in progress for
 * the same ID number (whose code then stops working).
 */
export function startRegistration(db: Database, details: RegistrationDetails, now: Date, sms: SmsGateway): StartOutcome {
  purgeExpired(db, now);
  if (!registerAgrees(db, details) || !phoneBelongsTo(db, details.phone, details.idNumber)) return { kind: 'details-mismatch' };
  if (hasAccount(db, details.idNumber)) return { kind: 'already-registered' };
  const registrationId = randomToken();
  const sent = sendNewCode(db, registrationId, details.phone, 0, now, sms, (hash, sentAt, expiresAt) => {
    db.prepare('DELETE FROM citizen_registrations WHERE id_number = ?').run(details.idNumber);
    db.prepare('INSERT INTO citizen_registrations (registration_hash, id_number, phone, otp_hash, otp_sent_at, otp_expires_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      sha256(registrationId),
      details.idNumber,
      details.phone,
      hash,
      sentAt,
      expiresAt,
      iso(now.getTime() + REGISTRATION_LIFETIME_MS),
    );
  });
  return { kind: 'otp-sent', sent };
}

/** A registration in progress; one past its 30 minutes is gone (ended at that instant, as a session is), purged at the next start or sign-in. */
function findRegistration(db: Database, registrationId: string, now: Date): RegistrationRow | undefined {
  return db
    .prepare('SELECT id_number, phone, otp_hash, otp_sent_at, otp_expires_at, resends, wrong_otps, verified_at FROM citizen_registrations WHERE registration_hash = ? AND expires_at > ?')
    .get(sha256(registrationId), now.toISOString()) as RegistrationRow | undefined;
}

export type ResendOutcome = { kind: 'otp-sent'; sent: OtpSent } | { kind: 'unknown' } | { kind: 'too-soon'; retryAt: string } | { kind: 'no-more-resends' } | { kind: 'already-confirmed' };

/** A new code replaces the old one (which stops working), no sooner than 30 s after it, at most 3 times. */
export function resendOtp(db: Database, registrationId: string, now: Date, sms: SmsGateway): ResendOutcome {
  const row = findRegistration(db, registrationId, now);
  if (row === undefined) return { kind: 'unknown' };
  if (row.verified_at !== null) return { kind: 'already-confirmed' };
  if (row.resends >= OTP_MAX_RESENDS) return { kind: 'no-more-resends' };
  const retryAt = Date.parse(row.otp_sent_at) + OTP_RESEND_AFTER_MS;
  if (now.getTime() < retryAt) return { kind: 'too-soon', retryAt: iso(retryAt) };
  const sent = sendNewCode(db, registrationId, row.phone, row.resends + 1, now, sms, (hash, sentAt, expiresAt) => {
    db.prepare('UPDATE citizen_registrations SET otp_hash = ?, otp_sent_at = ?, otp_expires_at = ?, resends = resends + 1 WHERE registration_hash = ?').run(hash, sentAt, expiresAt, sha256(registrationId));
  });
  return { kind: 'otp-sent', sent };
}

export type ConfirmOutcome = { kind: 'confirmed' } | { kind: 'already-confirmed' } | { kind: 'unknown' } | { kind: 'expired' } | { kind: 'wrong'; attemptsLeft: number } | { kind: 'ended' };

/**
 * Checks the code. A wrong one counts, whether or not the code has expired; the fifth ends the
 * registration (the citizen starts again, with a new code to a phone they hold).
 */
export function confirmOtp(db: Database, registrationId: string, otp: string, now: Date): ConfirmOutcome {
  const row = findRegistration(db, registrationId, now);
  if (row === undefined) return { kind: 'unknown' };
  if (row.verified_at !== null) return { kind: 'already-confirmed' };
  const key = sha256(registrationId);
  if (otpHash(registrationId, otp) !== row.otp_hash) {
    // Counted in the database, not from the row read above: two wrong tries at once both count.
    const wrong = db.prepare('UPDATE citizen_registrations SET wrong_otps = wrong_otps + 1 WHERE registration_hash = ? RETURNING wrong_otps').pluck().get(key) as number | undefined;
    if (wrong === undefined) return { kind: 'unknown' };
    if (wrong >= OTP_MAX_WRONG) {
      db.prepare('DELETE FROM citizen_registrations WHERE registration_hash = ?').run(key);
      return { kind: 'ended' };
    }
    return { kind: 'wrong', attemptsLeft: OTP_MAX_WRONG - wrong };
  }
  if (now.getTime() > Date.parse(row.otp_expires_at)) return { kind: 'expired' };
  db.prepare('UPDATE citizen_registrations SET verified_at = ? WHERE registration_hash = ?').run(now.toISOString(), key);
  return { kind: 'confirmed' };
}

export type CompleteOutcome =
  | { kind: 'registered'; session: Session }
  | { kind: 'unknown' }
  | { kind: 'not-confirmed' }
  | { kind: 'password-rules'; broken: PasswordRule[] }
  | { kind: 'already-registered' };

/** The password, once the code was confirmed: the account is made and the citizen signed in. */
export async function completeRegistration(db: Database, registrationId: string, password: string, now: () => Date): Promise<CompleteOutcome> {
  const broken = brokenPasswordRules(password);
  if (broken.length > 0) return { kind: 'password-rules', broken };
  const found = findRegistration(db, registrationId, now());
  if (found === undefined) return { kind: 'unknown' };
  if (found.verified_at === null) return { kind: 'not-confirmed' };
  const passwordHash = await hashPassword(password);
  // Read again after the hash's await: a second request for the same registration may have finished first.
  const row = findRegistration(db, registrationId, now());
  if (row === undefined) return { kind: 'unknown' };
  if (hasAccount(db, row.id_number)) return { kind: 'already-registered' };
  db.transaction(() => {
    db.prepare('INSERT INTO citizen_accounts (id_number, phone, password_hash, registered_at) VALUES (?, ?, ?, ?)').run(row.id_number, row.phone, passwordHash, now().toISOString());
    db.prepare('DELETE FROM citizen_registrations WHERE id_number = ?').run(row.id_number);
  })();
  return { kind: 'registered', session: openSession(db, row.id_number, now()) };
}

function openSession(db: Database, idNumber: string, now: Date): Session {
  const token = randomToken();
  const expiresAt = iso(now.getTime() + CITIZEN_SESSION_LIFETIME_MS);
  db.prepare('INSERT INTO citizen_sessions (token_hash, id_number, expires_at) VALUES (?, ?, ?)').run(sha256(token), idNumber, expiresAt);
  return { token, expiresAt };
}

export type SignInOutcome = { kind: 'signed-in'; session: Session } | { kind: 'wrong'; attemptsLeft: number } | { kind: 'locked'; lockedUntil: string };

/** Wrong sign-ins further apart than this do not add up to a lock-out; rows older than it are purged. */
const SIGN_IN_FAILURE_MEMORY_MS = 86_400_000;

/**
 * ID number and password. Wrong tries are counted per ID number typed, with or without an
 * account: five in a row (within a day) lock it for five minutes, as the station's PINs. While
 * locked, not even the right password signs in.
 */
export async function signIn(db: Database, idNumber: string, password: string, now: () => Date): Promise<SignInOutcome> {
  const forgetBefore = () => iso(now().getTime() - SIGN_IN_FAILURE_MEMORY_MS);
  db.prepare('DELETE FROM citizen_sign_in_failures WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?)').run(forgetBefore(), now().toISOString());
  const lockedUntil = () =>
    (db.prepare('SELECT locked_until FROM citizen_sign_in_failures WHERE id_number = ? AND locked_until > ?').pluck().get(idNumber, now().toISOString()) as string | undefined) ?? null;
  const locked = lockedUntil();
  if (locked !== null) return { kind: 'locked', lockedUntil: locked };
  const stored = db.prepare('SELECT password_hash FROM citizen_accounts WHERE id_number = ?').pluck().get(idNumber) as string | undefined;
  const matches = await passwordMatches(password, stored ?? (await decoyPasswordHash()));
  // Two tries in flight for one ID number each waited for a hash: the lock one of them set holds for both.
  const lockedMeanwhile = lockedUntil();
  if (lockedMeanwhile !== null) return { kind: 'locked', lockedUntil: lockedMeanwhile };
  if (matches && stored !== undefined) {
    db.prepare('DELETE FROM citizen_sign_in_failures WHERE id_number = ?').run(idNumber);
    purgeExpired(db, now());
    return { kind: 'signed-in', session: openSession(db, idNumber, now()) };
  }
  const failures = db
    .prepare(
      `INSERT INTO citizen_sign_in_failures (id_number, failures, last_failed_at) VALUES (?, 1, ?)
       ON CONFLICT (id_number) DO UPDATE SET failures = CASE WHEN last_failed_at < ? THEN 1 ELSE failures + 1 END, last_failed_at = excluded.last_failed_at
       RETURNING failures`,
    )
    .pluck()
    .get(idNumber, now().toISOString(), forgetBefore()) as number;
  if (failures < SIGN_IN_MAX_WRONG) return { kind: 'wrong', attemptsLeft: SIGN_IN_MAX_WRONG - failures };
  const until = iso(now().getTime() + SIGN_IN_LOCKOUT_MS);
  db.prepare('UPDATE citizen_sign_in_failures SET failures = 0, locked_until = ? WHERE id_number = ?').run(until, idNumber);
  return { kind: 'locked', lockedUntil: until };
}

/** The ID number of a current session's citizen; undefined for an unknown, ended or expired one. */
export function citizenOfSession(db: Database, token: string, now: Date): string | undefined {
  return db.prepare('SELECT id_number FROM citizen_sessions WHERE token_hash = ? AND expires_at > ?').pluck().get(sha256(token), now.toISOString()) as string | undefined;
}

export function signOut(db: Database, token: string): void {
  db.prepare('DELETE FROM citizen_sessions WHERE token_hash = ?').run(sha256(token));
}

/** What the account screen shows: the register's identity, the phone masked. */
export function accountView(db: Database, idNumber: string): CitizenAccount | undefined {
  const citizen = getCitizen(db, idNumber);
  const account = db.prepare('SELECT phone, registered_at FROM citizen_accounts WHERE id_number = ?').get(idNumber) as { phone: string; registered_at: string } | undefined;
  return citizen && account && { ...citizen, phone: maskPhoneNumber(account.phone), registeredAt: account.registered_at };
}
