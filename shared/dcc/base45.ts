// Base45 (RFC 9285), the alphabet of a QR code's alphanumeric mode: what a vaccine passport's
// compressed, signed bytes travel as. Strict: any character outside the alphabet, a dangling
// single character or a group worth more than its bytes can hold is an error, never a guess.

export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const VALUE_OF = new Map([...BASE45_ALPHABET].map((character, value) => [character, value]));

export class Base45Error extends Error {
  override name = 'Base45Error';
}

export function base45Encode(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += 2) {
    if (at + 1 < bytes.length) {
      const value = bytes[at]! * 256 + bytes[at + 1]!;
      text += BASE45_ALPHABET[value % 45]! + BASE45_ALPHABET[Math.floor(value / 45) % 45]! + BASE45_ALPHABET[Math.floor(value / 2025)]!;
    } else {
      const value = bytes[at]!;
      text += BASE45_ALPHABET[value % 45]! + BASE45_ALPHABET[Math.floor(value / 45)]!;
    }
  }
  return text;
}

export function base45Decode(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new Base45Error(`a Base45 text cannot be ${text.length} characters long`);
  const bytes = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let written = 0;
  for (let at = 0; at < text.length; at += 3) {
    const group = text.slice(at, at + 3);
    let value = 0;
    for (let digit = group.length - 1; digit >= 0; digit -= 1) {
      const digitValue = VALUE_OF.get(group[digit]!);
      if (digitValue === undefined) throw new Base45Error(`character ${at + digit + 1} is not in the Base45 alphabet`);
      value = value * 45 + digitValue;
    }
    if (group.length === 3) {
      if (value > 0xffff) throw new Base45Error(`the group at character ${at + 1} is larger than two bytes`);
      bytes[written++] = value >> 8;
      bytes[written++] = value & 0xff;
    } else {
      if (value > 0xff) throw new Base45Error(`the last group is larger than one byte`);
      bytes[written++] = value;
    }
  }
  return bytes;
}
