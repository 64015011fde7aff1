import { describe, expect, it } from 'vitest';
import { base45Decode, base45Encode, Base45Error } from '../../../shared/dcc/base45';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (value: string) => new TextEncoder().encode(value);

describe('Base45 (RFC 9285)', () => {
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
    ['', ''],
  ])('encodes and decodes the RFC example %j', (plain, encoded) => {
    expect(base45Encode(bytes(plain))).toBe(encoded);
    expect(text(base45Decode(encoded))).toBe(plain);
  });

  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect([...base45Decode(base45Encode(all))]).toEqual([...all]);
  });

  it.each([
    ['a character outside the alphabet', 'BB8a'],
    ['lower case', 'bb8'],
    ['a dangling single character', 'BB8B'],
    ['a group larger than two bytes (65536)', 'GGW'],
    ['a last pair larger than one byte (256)', 'BB8:6'],
  ])('refuses %s', (_, encoded) => {
    expect(() => base45Decode(encoded)).toThrow(Base45Error);
  });
});
