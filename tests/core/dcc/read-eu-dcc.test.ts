// Conformance of the vaccine-passport reader, one stage and one problem code at a time, with
// signer certificates and keys this test makes (ES256 and PS256), through classifyCode as the
// station calls it.

import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateJson } from '../../../central-api/dcc/certificates';
import { encodeClaims, signCose, toQrText } from '../../../central-api/dcc/sign-dcc';
import { classifyCode, type ClassifiedCode } from '../../../shared/codes';
import { base45Encode } from '../../../shared/dcc/base45';
import { encodeCbor, type CborInput } from '../../../shared/dcc/cbor';
import { createEuDccReader } from '../../../electron/core/dcc/read-eu-dcc';
import { trustListOf, type TrustList } from '../../../electron/core/dcc/trust-list';
import { KEY_USAGE, makeDcc, makeSigner, VACCINATED, type TestSigner } from '../../helpers/dcc-fixtures';

const DAY = 86_400_000;
let es256: TestSigner;
let ps256: TestSigner;
let testsOnly: TestSigner;
let vaccinationOnly: TestSigner;
let expiredSigner: TestSigner;
let stranger: TestSigner;
let trust: TrustList;

beforeAll(async () => {
  [es256, ps256, testsOnly, vaccinationOnly, expiredSigner, stranger] = await Promise.all([
    makeSigner({ algorithm: 'ES256', notBefore: new Date('2020-01-01T00:00:00Z') }),
    makeSigner({ algorithm: 'PS256' }),
    makeSigner({ keyUsages: [KEY_USAGE.test] }),
    makeSigner({ keyUsages: [KEY_USAGE.vaccination, '1.3.6.1.5.5.7.3.2'] }),
    makeSigner({ notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - DAY) }),
    makeSigner({ name: 'CN=Not on the trust list' }),
  ]);
  trust = trustListOf([es256, ps256, testsOnly, vaccinationOnly, expiredSigner].map((signer) => signer.certificate));
});

function read(text: string, now = new Date()): ClassifiedCode {
  return classifyCode(text, { now, locale: 'en', readEuDcc: createEuDccReader(() => trust) });
}
const codesOf = (code: ClassifiedCode) => code.problems.map((problem) => problem.code);
/** Re-wraps a COSE message's bytes as a QR text, for codes broken below the signature. */
const qrOf = (bytes: Uint8Array) => `HC1:${base45Encode(deflateSync(bytes))}`;

describe('a genuine vaccine passport', () => {
  it.each(['ES256', 'PS256'] as const)('signed with %s is valid, and gives only the name, birth date and a summary', (algorithm) => {
    const code = read(makeDcc(algorithm === 'ES256' ? es256 : ps256));
    expect(code).toMatchObject({ kind: 'eu-dcc', valid: true, problems: [] });
    expect(code.fields).toEqual({
      fullName: 'Nguyễn Thị Lan',
      birthDate: { precision: 'day', year: 1990, month: 5, day: 17 },
      certificate: { type: 'vaccination', dose: 2, seriesDoses: 2, date: '2021-09-20', country: 'VN' },
      issuer: 'VN',
      issuedAt: expect.any(String),
      expiresAt: expect.any(String),
      businessRules: { version: 'none', failed: [] },
    });
    // The certificate identifier and the issuing authority never leave the reader.
    expect(JSON.stringify(code)).not.toMatch(/UVCI|Bộ Y tế|ORG-100030215/);
  });

  it('summarises tests and recoveries', () => {
    expect(read(makeDcc(es256, { request: { type: 'test', familyName: 'Trần', givenName: 'Minh', birthDate: '1985', sampledAt: '2021-10-01T08:00:00Z', detected: false } })).fields)
      .toMatchObject({ fullName: 'Trần Minh', birthDate: { precision: 'year', year: 1985 }, certificate: { type: 'test', result: 'not-detected', date: '2021-10-01T08:00:00Z' } });
    expect(read(makeDcc(es256, { request: { type: 'recovery', familyName: 'Lê', givenName: 'Hoa', birthDate: '1970-01', firstPositive: '2021-08-01', validFrom: '2021-08-12', validUntil: '2022-01-28' } })).fields)
      .toMatchObject({ birthDate: { precision: 'month', year: 1970, month: 1 }, certificate: { type: 'recovery', date: '2021-08-01', validUntil: '2022-01-28' } });
  });

  it('finds its signer by the unprotected key id when the protected header has none', () => {
    expect(read(makeDcc(es256, { protectedKid: null, unprotectedKid: es256.kid })).valid).toBe(true);
  });

  it('keeps the protected key id when the unprotected one is wrong', () => {
    expect(read(makeDcc(es256, { unprotectedKid: stranger.kid })).valid).toBe(true);
  });

  it('accepts a signer with no DCC key usage for every type, and one limited to a type for that type', () => {
    expect(read(makeDcc(testsOnly, { request: { ...VACCINATED, type: 'test', sampledAt: '2021-10-01T08:00:00Z', detected: false } })).valid).toBe(true);
    expect(read(makeDcc(vaccinationOnly)).valid).toBe(true);
  });
});

describe('each stage that fails is named', () => {
  const cases: [string, () => string, string][] = [
    ['a context identifier other than HC1:', () => makeDcc(es256, { prefix: 'HC2:' }), 'dcc.prefix'],
    ['no context identifier', () => makeDcc(es256, { prefix: '' }), 'dcc.prefix'],
    ['a character outside Base45', () => makeDcc(es256).replace(/.$/, '~'), 'dcc.base45'],
    ['a dangling Base45 character', () => { const good = makeDcc(es256); return good + '0'.repeat(((good.length - 4) % 3 === 0 ? 1 : 2)); }, 'dcc.base45'],
    ['broken zlib data', () => { const good = makeDcc(es256); return good.slice(0, 40) + '0'.repeat(30) + good.slice(70); }, 'dcc.compression'],
    ['an uncompressed message', () => makeDcc(es256, { compress: false }), 'dcc.compression'],
    ['bytes that are not CBOR', () => qrOf(Uint8Array.from([0x1c, 0x00])), 'dcc.cbor'],
    ['CBOR that is not a COSE_Sign1 array', () => qrOf(encodeCbor([new Uint8Array(0), new Map()])), 'dcc.cose'],
    ['an algorithm other than ES256 and PS256', () => qrOf(encodeCbor([encodeCbor(new Map<number, CborInput>([[1, -8], [4, es256.kid]])), new Map(), new Uint8Array(4), new Uint8Array(64)])), 'dcc.cose'],
    ['a signer not on the trust list', () => makeDcc(stranger), 'dcc.unknown-signer'],
    ['no key id at all', () => makeDcc(es256, { protectedKid: null }), 'dcc.unknown-signer'],
    ['a wrong protected key id, even with a right unprotected one', () => makeDcc(es256, { protectedKid: stranger.kid, unprotectedKid: es256.kid }), 'dcc.unknown-signer'],
    ['a forger who knows the key id', () => makeDcc({ ...stranger, kid: es256.kid }), 'dcc.signature'],
    ['a payload changed after signing', () => makeDcc(es256, { tamper: (cose) => { const copy = cose.slice(); copy[copy.length - 80]! ^= 1; return copy; } }), 'dcc.signature'],
    ['a signed payload that is not CBOR', () => makeDcc(es256, { payload: Uint8Array.from([0xa1, 0x01]) }), 'dcc.cbor'],
    ['a signed CWT without the health certificate claim', () => makeDcc(es256, { payload: encodeCbor(new Map<number, CborInput>([[1, 'VN'], [4, 2e9], [6, 1.6e9]])) }), 'dcc.cbor'],
    ['a signed CWT without an expiry', () => makeDcc(es256, { payload: encodeCbor(new Map<number, CborInput>([[6, 1.6e9], [-260, new Map([[1, certificateJson(VACCINATED, 'x') as CborInput]])]])) }), 'dcc.cbor'],
    ['a test certificate from a vaccination-only signer', () => makeDcc(vaccinationOnly, { request: { ...VACCINATED, type: 'test', sampledAt: '2021-10-01T08:00:00Z', detected: false } }), 'dcc.key-usage'],
    ['a vaccination certificate from a test-only signer', () => makeDcc(testsOnly), 'dcc.key-usage'],
    ['an expired certificate', () => makeDcc(es256, { expiresAt: new Date(Date.now() - DAY) }), 'dcc.expired'],
    ['a certificate issued after the clock', () => makeDcc(es256, { issuedAt: new Date(Date.now() + DAY) }), 'dcc.not-yet-valid'],
    ['a signer certificate past its end', () => makeDcc(expiredSigner), 'dcc.signer-not-valid'],
    ['a certificate without a name', () => makeDcc(es256, { certificate: { ver: '1.3.0', dob: '1990-01-01', v: (certificateJson(VACCINATED, 'x') as { v: CborInput }).v } }), 'dcc.schema'],
    ['a birth date outside the schema', () => makeDcc(es256, { certificate: { ...(certificateJson(VACCINATED, 'x') as Record<string, CborInput>), dob: '17/05/1990' } }), 'dcc.schema'],
    ['both a vaccination and a test', () => makeDcc(es256, { certificate: { ...(certificateJson(VACCINATED, 'x') as Record<string, CborInput>), t: (certificateJson({ ...VACCINATED, type: 'test', sampledAt: '2021-10-01T08:00:00Z', detected: false }, 'y') as { t: CborInput }).t } }), 'dcc.schema'],
    ['a schema major version this station does not know', () => makeDcc(es256, { certificate: { ...(certificateJson(VACCINATED, 'x') as Record<string, CborInput>), ver: '2.0.0' } }), 'dcc.schema'],
  ];

  it.each(cases)('%s', (_, make, expected) => {
    const code = read(make());
    expect(code.kind).toBe('eu-dcc');
    expect(code.valid).toBe(false);
    expect(codesOf(code)).toContain(expected);
    for (const problem of code.problems) expect(problem.message).not.toMatch(/\{\{/);
  });

  it('gives no name or summary for a certificate whose signature does not hold', () => {
    expect(read(makeDcc({ ...stranger, kid: es256.kid })).fields).toEqual({});
    expect(read(makeDcc(testsOnly)).fields).not.toHaveProperty('fullName');
  });

  it('judges validity at the given clock, not the machine’s', () => {
    const code = makeDcc(es256, { issuedAt: new Date('2022-01-01T00:00:00Z'), expiresAt: new Date('2022-07-01T00:00:00Z') });
    expect(read(code).problems.map((problem) => [problem.code, problem.params])).toEqual([['dcc.expired', { date: '01/07/2022' }]]);
    expect(read(code, new Date('2021-12-31T00:00:00Z')).problems.map((problem) => problem.code)).toEqual(['dcc.not-yet-valid']);
  });

  it('survives a decompression bomb', () => {
    const bomb = `HC1:${base45Encode(deflateSync(new Uint8Array(2_000_000)))}`;
    expect(codesOf(read(bomb))).toEqual(['dcc.compression']);
  });

  it('says so when no reader is given, instead of guessing', () => {
    expect(codesOf(classifyCode(makeDcc(es256), { locale: 'en' }))).toEqual(['dcc.unverifiable']);
  });

  it('reads a code signed with the same key again after a round trip through signCose', () => {
    const payload = encodeClaims({ issuer: 'VN', issuedAt: new Date(Date.now() - DAY), expiresAt: new Date(Date.now() + DAY), certificate: certificateJson(VACCINATED, 'x') as CborInput });
    expect(read(toQrText(signCose(payload, { algorithm: 'PS256', privateKey: ps256.privateKey, protectedKid: ps256.kid }))).valid).toBe(true);
  });
});
