import { describe, expect, it } from 'vitest';
import { CborError, CborTag, decodeCbor, encodeCbor } from '../../../shared/dcc/cbor';

const hex = (value: string) => Uint8Array.from(Buffer.from(value.replace(/\s/g, ''), 'hex'));

describe('CBOR reader (RFC 8949 Appendix A examples)', () => {
  it.each([
    ['00', 0],
    ['17', 23],
    ['1818', 24],
    ['1903e8', 1000],
    ['1a000f4240', 1000000],
    ['1b000000e8d4a51000', 1000000000000],
    ['1bffffffffffffffff', 18446744073709551615n],
    ['3bffffffffffffffff', -18446744073709551616n],
    ['20', -1],
    ['3903e7', -1000],
    ['f90000', 0],
    ['f93c00', 1],
    ['f97bff', 65504],
    ['fa47c35000', 100000],
    ['fb3ff199999999999a', 1.1],
    ['f4', false],
    ['f5', true],
    ['f6', null],
    ['6161', 'a'],
    ['62c3bc', 'ü'],
    ['7f657374726561646d696e67ff', 'streaming'],
  ])('reads %s', (input, expected) => {
    expect(decodeCbor(hex(input))).toEqual(expected);
  });

  it('reads arrays, maps, byte strings and tags', () => {
    expect(decodeCbor(hex('83 01 82 02 03 82 04 05'))).toEqual([1, [2, 3], [4, 5]]);
    expect(decodeCbor(hex('9f 01 82 02 03 9f 04 05 ff ff'))).toEqual([1, [2, 3], [4, 5]]);
    expect(decodeCbor(hex('a2 01 02 03 04'))).toEqual(new Map([[1, 2], [3, 4]]));
    expect(decodeCbor(hex('a2 61 61 01 61 62 82 02 03'))).toEqual(new Map<string, unknown>([['a', 1], ['b', [2, 3]]]));
    expect(decodeCbor(hex('44 01020304'))).toEqual(hex('01020304'));
    expect(decodeCbor(hex('5f 42 0102 43 030405 ff'))).toEqual(hex('0102030405'));
    expect(decodeCbor(hex('c1 1a514b67b0'))).toEqual(new CborTag(1, 1363896240));
  });

  it('writes what it reads', () => {
    const value = new Map<number | string, unknown>([[1, 'VN'], [4, 1700000000], [-260, new Map([[1, { ver: '1.3.0', v: [{ dn: 2 }] }]])], ['x', new Uint8Array([1, 2])]]);
    const again = decodeCbor(encodeCbor(value as never));
    expect((again as Map<unknown, unknown>).get(-260)).toEqual(new Map([[1, new Map<string, unknown>([['ver', '1.3.0'], ['v', [new Map([['dn', 2]])]]])]]));
    expect(encodeCbor(new CborTag(18, [new Uint8Array(0), new Map(), null]))).toEqual(hex('d2 83 40 a0 f6'));
    expect(encodeCbor(-1000)).toEqual(hex('3903e7'));
    expect(encodeCbor(1.1)).toEqual(hex('fb3ff199999999999a'));
  });

  it.each([
    ['no bytes', ''],
    ['a length beyond the bytes left', '5a ffffffff 00'],
    ['an array count beyond the bytes left', '9b 00000000ffffffff'],
    ['bytes after the item', '01 02'],
    ['a truncated integer', '1a 0001'],
    ['text that is not UTF-8', '62 c328'],
    ['a duplicate map key', 'a2 01 02 01 03'],
    ['a map key that is an array', 'a1 80 01'],
    ['a reserved additional information', '1c'],
    ['a stray break', 'ff'],
    ['an indefinite string with a chunk of another type', '5f 61 61 ff'],
    ['an unsupported simple value', 'f8 20'],
    ['nesting deeper than the limit', '81'.repeat(40) + '00'],
    ['a break inside a definite array', '81 ff'],
    ['a map key without a value, before its break', 'bf 01 ff'],
    ['an unterminated indefinite array', '9f 01'],
    ['an indefinite chunk inside an indefinite string', '5f 5f ff ff'],
    ['a float map key (4.0 is no integer label 4)', 'a1 f94400 01'],
  ])('refuses %s', (_, input) => {
    expect(() => decodeCbor(hex(input))).toThrow(CborError);
  });
});
