import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt, memory-hard: 32 MiB and about 100 ms a guess, so a stolen database's passwords cannot be
 * tried on a GPU by the million. Asynchronous, on libuv's pool: a sign-in does not stall the
 * server's other requests. The parameters travel with each hash (`scrypt$N$r$p$salt$hash`), so
 * they can grow later.
 */
const cost = { N: 32_768, r: 8, p: 1 } as const;
const keyLength = 32;
/** scrypt needs 128·N·r bytes; Node's default ceiling is exactly that, too tight to allow for its overhead. */
const maxmem = 64 * 1024 * 1024;

const derive = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key))));

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, keyLength, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Constant-time; a malformed stored hash (or one asking for more than our ceiling) matches nothing. */
export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length === 0) return false;
  try {
    return timingSafeEqual(await derive(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) }), expected);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | null = null;

/** Compared against for an ID number without an account, so it costs the same time as a wrong password. */
export function decoyPasswordHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(12).toString('base64'));
  return decoy;
}
