// Hard limits on attacker-controlled input, checked before any parsing work. Each check is one
// linear pass over the text, so a hostile payload costs no more than reading it once.

import { finding, type Finding } from './problems';
import { utf8ByteLength } from './utf8';

/** The largest QR payload we read. Real codes are well under 1 KiB; a QR code holds at most ~3 KiB. */
export const MAX_PAYLOAD_BYTES = 4096;
/** A 2024 card has 11 fields and a health-insurance card about 15; twice that is already absurd. */
export const MAX_FIELDS = 32;

/**
 * The longest identity fields a code may carry: the central API refuses anything longer
 * (central-api/openapi.yaml, held equal by tests/central-api/wire-schemas.test.ts), so such a
 * code is refused here first instead of being judged from the cache after a refusal.
 */
export const IDENTITY_FIELD_MAX = { fullName: 200, idNumber: 32, documentNumber: 32, cardNumber: 32, token: 1024 } as const;

/** A finding for each identity field longer than the wire allows. */
export function checkIdentityLengths(fields: Readonly<Record<string, unknown>>): Finding[] {
  return Object.entries(IDENTITY_FIELD_MAX).flatMap(([field, max]) => {
    const value = fields[field];
    return typeof value === 'string' && value.length > max ? [finding('field.too-long', field, { max })] : [];
  });
}

export function checkSize(raw: string): Finding | undefined {
  // Every UTF-16 unit is at least one UTF-8 byte: long strings are refused without measuring them.
  const bytes = raw.length > MAX_PAYLOAD_BYTES ? raw.length : utf8ByteLength(raw);
  return bytes > MAX_PAYLOAD_BYTES ? finding('input.too-large', undefined, { bytes, max: MAX_PAYLOAD_BYTES }) : undefined;
}

export interface ForbiddenCharacter {
  codePoint: number;
  /** C1 controls (U+0080–U+009F) are also what a Windows-1252 decoder leaves for UTF-8 bytes it cannot map. */
  isC1: boolean;
}

// Control characters, plus the invisible and direction-changing ones that let two different names
// look identical on screen or reorder what the officer reads.
function isForbidden(unit: number): boolean {
  return (
    unit <= 0x1f ||
    (unit >= 0x7f && unit <= 0x9f) ||
    (unit >= 0x200b && unit <= 0x200f) ||
    (unit >= 0x2028 && unit <= 0x202e) ||
    (unit >= 0x2060 && unit <= 0x2064) ||
    (unit >= 0x2066 && unit <= 0x2069) ||
    unit === 0xfeff
  );
}

export function findForbiddenCharacter(text: string): ForbiddenCharacter | undefined {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isForbidden(unit)) return { codePoint: unit, isC1: unit >= 0x80 && unit <= 0x9f };
  }
  return undefined;
}

export function describeCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Lone surrogates cannot be encoded as UTF-8: such a string did not come from a scanner. */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return true;
    }
  }
  return false;
}

export function checkFieldCount(text: string): Finding | undefined {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x7c) count++;
  return count > MAX_FIELDS ? finding('input.too-many-fields', undefined, { count, max: MAX_FIELDS }) : undefined;
}
