// Conformance of the vaccine-passport reader, one stage and one problem code at a time, with
// signer certificates and keys this test makes (ES256 and PS256), through classifyCode as the
// station calls it.

import { constants as cryptoConstants, sign } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateJson } from '../../../central-api/dcc/certificates';
import { encodeClaims, signCose, toQrText } from '../../../central-api/dcc/sign-dcc';
import { classifiedCodeSchema, classifyCode, type ClassifiedCode } from '../../../shared/codes';
import { base45Decode, base45Encode } from '../../../shared/dcc/base45';
import { CborTag, decodeCbor, encodeCbor, type CborInput } from '../../../shared/dcc/cbor';
import { signatureInput } from '../../../shared/dcc/cose';
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

/** Through classifyCode, and held to the result schema every IPC answer and record is checked against. */
function read(text: string, now = new Date()): ClassifiedCode {
  return classifiedCodeSchema.parse(classifyCode(text, { now, locale: 'en', readEuDcc: createEuDccReader(() => trust) }));
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
    expect(codesOf(code)).toEqual([expected]);
    for (const problem of code.problems) expect(problem.message).not.toMatch(/\{\{/);
  });

  it('refuses signatures in the wrong form for their algorithm', () => {
    const payload = encodeClaims({ issuer: 'VN', issuedAt: new Date(Date.now() - DAY), expiresAt: new Date(Date.now() + DAY), certificate: certificateJson(VACCINATED, 'x') as CborInput });
    const signedWith = (signer: TestSigner, alg: number, signature: (input: Uint8Array) => Uint8Array) => {
      const protectedBytes = encodeCbor(new Map<number, CborInput>([[1, alg], [4, signer.kid]]));
      return qrOf(encodeCbor(new CborTag(18, [protectedBytes, new Map(), payload, signature(signatureInput(protectedBytes, payload))])));
    };
    const pss = (saltLength: number) => (input: Uint8Array) => sign('sha256', input, { key: ps256.privateKey, padding: cryptoConstants.RSA_PKCS1_PSS_PADDING, saltLength });
    expect(read(signedWith(ps256, -37, pss(32))).valid).toBe(true);
    for (const saltLength of [0, 20, 64]) expect(codesOf(read(signedWith(ps256, -37, pss(saltLength)))), `salt ${saltLength}`).toEqual(['dcc.signature']);
    expect(codesOf(read(signedWith(ps256, -37, (input) => sign('sha256', input, { key: ps256.privateKey, padding: cryptoConstants.RSA_PKCS1_PADDING }))))).toEqual(['dcc.signature']);
    // ES256 in DER (as most libraries make it) instead of COSE's r‖s.
    expect(codesOf(read(signedWith(es256, -7, (input) => sign('sha256', input, es256.privateKey))))).toEqual(['dcc.signature']);
    // An RSA key cannot stand behind ES256, nor an EC key behind PS256.
    expect(codesOf(read(signedWith(ps256, -7, pss(32))))).toEqual(['dcc.signature']);
    expect(codesOf(read(signedWith(es256, -37, (input) => sign('sha256', input, { key: es256.privateKey, dsaEncoding: 'ieee-p1363' }))))).toEqual(['dcc.signature']);
  });

  it('accepts the CWT tag around COSE_Sign1 and an algorithm only in the unprotected header, not a protected null one', () => {
    expect(read(makeDcc(es256, { tamper: (cose) => encodeCbor(new CborTag(61, decodeCbor(cose))) })).valid).toBe(true);
    const payload = encodeClaims({ issuer: 'VN', issuedAt: new Date(Date.now() - DAY), expiresAt: new Date(Date.now() + DAY), certificate: certificateJson(VACCINATED, 'x') as CborInput });
    const withHeaders = (protectedHeader: Map<number, CborInput>, unprotected: Map<number, CborInput>) => {
      const protectedBytes = encodeCbor(protectedHeader);
      const signature = sign('sha256', signatureInput(protectedBytes, payload), { key: es256.privateKey, dsaEncoding: 'ieee-p1363' });
      return qrOf(encodeCbor(new CborTag(18, [protectedBytes, unprotected as Map<number, never>, payload, signature])));
    };
    expect(read(withHeaders(new Map([[4, es256.kid]]), new Map([[1, -7]]))).valid).toBe(true);
    expect(codesOf(read(withHeaders(new Map<number, CborInput>([[1, null], [4, es256.kid]]), new Map([[1, -7]]))))).toEqual(['dcc.cose']);
  });

  it('refuses data after the compressed stream: one certificate is one QR text', () => {
    const good = makeDcc(es256);
    const bytes = inflateSync(base45Decode(good.slice(4)));
    expect(read(qrOf(bytes)).valid).toBe(true);
    expect(codesOf(read(`HC1:${base45Encode(Buffer.concat([deflateSync(bytes), Buffer.from([0, 1, 2])]))}`))).toEqual(['dcc.compression']);
  });

  it('is expired at its expiry instant, and refuses times no issuer meant', () => {
    const expiresAt = new Date(Math.floor(Date.now() / 1000 + 3600) * 1000);
    const code = makeDcc(es256, { expiresAt });
    expect(read(code, new Date(expiresAt.getTime() - 1000)).valid).toBe(true);
    expect(codesOf(read(code, expiresAt))).toEqual(['dcc.expired']);
    expect(codesOf(read(makeDcc(es256, { expiresAt: new Date(1e13 * 1000) })))).toEqual(['dcc.cbor']);
  });

  it.each([
    ['a country that is not one', { co: `VN${'X'.repeat(40)}` }],
    ['a vaccination date that is not one', { dt: '2021-09-20T08:00:00.000000000000000000Z' }],
  ])('refuses a signed certificate with %s', (_, change) => {
    const certificate = certificateJson(VACCINATED, 'x') as { v: Record<string, CborInput>[] } & Record<string, CborInput>;
    const code = read(makeDcc(es256, { certificate: { ...certificate, v: [{ ...certificate.v[0]!, ...change }] } }));
    expect(codesOf(code)).toEqual(['dcc.schema']);
    expect(code.fields).not.toHaveProperty('fullName');
  });

  it('refuses names with direction overrides, controls or nothing in them, and reads the machine-readable form only as a fallback', () => {
    const named = (nam: Record<string, string>) => makeDcc(es256, { certificate: { ...(certificateJson(VACCINATED, 'x') as Record<string, CborInput>), nam } });
    expect(codesOf(read(named({ fn: 'Nguy\u202Eễn', fnt: 'NGUYEN' })))).toEqual(['dcc.schema']);
    expect(codesOf(read(named({ fn: 'Lan\u0007', fnt: 'LAN' })))).toEqual(['dcc.schema']);
    expect(codesOf(read(named({ fnt: '' })))).toEqual(['dcc.schema']);
    expect(read(named({ fnt: 'NGUYEN<THI', gnt: 'LAN' })).fields).toMatchObject({ fullName: 'NGUYEN THI LAN' });
  });

  it('keys recovery-only signers on the alternate key-usage arc too', async () => {
    const recoveryOnly = await makeSigner({ keyUsages: [KEY_USAGE.recovery] });
    trust = trustListOf([...trust.signers.map((signer) => signer.certificate), recoveryOnly.certificate]);
    const recovery = { ...VACCINATED, type: 'recovery', firstPositive: '2021-08-01', validFrom: '2021-08-12', validUntil: '2022-01-28' } as const;
    expect(read(makeDcc(recoveryOnly, { request: recovery })).valid).toBe(true);
    expect(codesOf(read(makeDcc(recoveryOnly)))).toEqual(['dcc.key-usage']);
  });

  it('never turns a damaged genuine passport into a valid one, nor throws (300 random mutations)', () => {
    const good = makeDcc(es256);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const chars = [...good];
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) chars[4 + Math.floor(random() * (chars.length - 4))] = alphabet[Math.floor(random() * alphabet.length)]!;
      const mutated = chars.join('');
      const code = read(mutated);
      expect(code.kind).toBe('eu-dcc');
      expect(codesOf(code)).not.toContain('internal.unexpected');
      if (mutated !== good) expect(code.valid, mutated).toBe(false);
    }
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
