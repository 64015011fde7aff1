import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt's cost: about 50 ms a hash on a checkpoint laptop, so guessing a 4-digit PIN offline is no instant. */
const cost = { N: 16_384, r: 8, p: 1 } as const;
const keyLength = 32;

/** `scrypt$N$r$p$<salt>$<hash>` (base64): the parameters travel with the hash, so they can grow later. */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, keyLength, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Constant-time comparison; a malformed stored hash matches nothing. */
export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length === 0) return false;
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

let decoy: string | null = null;

/** Compared against when the officer id is unknown, so a wrong id costs the same time as a wrong PIN. */
export function decoyPinHash(): string {
  decoy ??= hashPin(randomBytes(8).toString('hex'));
  return decoy;
}
