// The VNeID account rules the citizen simulator follows, written once for its page and its server:
// what a phone number and a password must be, how long a one-time code lives and how often it may
// be re-sent, and how many wrong tries lock what. Pure data and checks: no I/O.

/** A Vietnamese mobile number as a citizen types it: 10 digits, 0 then a mobile prefix digit. */
export const PHONE_NUMBER_PATTERN = /^0[35789][0-9]{8}$/;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 20;

/** The password rules VNeID states, each one the page ticks off as it is met. */
export const PASSWORD_RULES = ['length', 'digit', 'lower', 'upper', 'special'] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

const ruleHolds: Record<PasswordRule, (password: string) => boolean> = {
  length: (password) => [...password].length >= PASSWORD_MIN_LENGTH && [...password].length <= PASSWORD_MAX_LENGTH,
  digit: (password) => /[0-9]/.test(password),
  lower: (password) => /\p{Ll}/u.test(password),
  upper: (password) => /\p{Lu}/u.test(password),
  // Anything printable that is neither a letter nor a digit (a space counts).
  special: (password) => /[^\p{L}\p{N}\p{C}]/u.test(password),
};

/** The rules a password breaks; empty when it may be used (control characters never reach this: the API's schema refuses them). */
export function brokenPasswordRules(password: string): PasswordRule[] {
  return PASSWORD_RULES.filter((rule) => !ruleHolds[rule](password));
}

/** The SMS one-time code: 6 digits, about 3 minutes, as the seeds describe it. */
export const OTP_LENGTH = 6;
export const OTP_PATTERN = /^[0-9]{6}$/;
export const OTP_LIFETIME_MS = 3 * 60_000;
/** A new code may be asked for this long after the last one was sent, at most this many times. */
export const OTP_RESEND_AFTER_MS = 30_000;
export const OTP_MAX_RESENDS = 3;
/** Wrong codes a registration survives; the next one ends it (start again from the ID number). */
export const OTP_MAX_WRONG = 5;

/** Wrong passwords in a row before sign-in with that ID number is locked, and for how long: as the station's PINs. */
export const SIGN_IN_MAX_WRONG = 5;
export const SIGN_IN_LOCKOUT_MS = 5 * 60_000;

/** A registration not finished in this time is gone (its code long expired). */
export const REGISTRATION_LIFETIME_MS = 30 * 60_000;
/** A signed-in citizen stays signed in this long, as a phone app would over a day out. */
export const CITIZEN_SESSION_LIFETIME_MS = 12 * 3_600_000;

/** The phone number as a message may show it: the first three and last two digits. */
export function maskPhoneNumber(phone: string): string {
  return phone.length < 6 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 5)}${phone.slice(-2)}`;
}
