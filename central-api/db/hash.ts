import { createHash, randomBytes } from 'node:crypto';

/** Station tokens, enrolment secrets and VNeID tokens are looked up by this hash, never stored as is. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A random opaque token: 32 bytes, base64url (43 characters). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
