// Making an EU Digital COVID Certificate: the reference server's test issuer, and the tests that
// make right and deliberately wrong ones. Each stage is its own step so a test can break exactly one.

import { constants as cryptoConstants, sign, type KeyObject } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { base45Encode } from '../../shared/dcc/base45';
import { CborTag, encodeCbor, type CborInput, type CborKey, type CborMap } from '../../shared/dcc/cbor';
import { COSE_ALGORITHM, COSE_HEADER, COSE_SIGN1_TAG, CWT_CLAIM, signatureInput, type CoseAlgorithm } from '../../shared/dcc/cose';

export interface HealthCertificateClaimsInput {
  issuer: string;
  issuedAt: Date;
  expiresAt: Date;
  /** The certificate JSON (`ver`, `nam`, `dob`, and one of `v`, `t`, `r`). */
  certificate: CborInput;
}

export function encodeClaims(claims: HealthCertificateClaimsInput): Uint8Array {
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  return encodeCbor(new Map<CborKey, CborInput>([
    [CWT_CLAIM.issuer, claims.issuer],
    [CWT_CLAIM.issuedAt, seconds(claims.issuedAt)],
    [CWT_CLAIM.expiresAt, seconds(claims.expiresAt)],
    [CWT_CLAIM.healthCertificate, new Map<CborKey, CborInput>([[1, claims.certificate]])],
  ]));
}

export interface SignOptions {
  algorithm: CoseAlgorithm;
  privateKey: KeyObject;
  /** Where the key id goes: the specification puts it in the protected header. */
  protectedKid?: Uint8Array | null;
  unprotectedKid?: Uint8Array | null;
}

/** A tagged COSE_Sign1 message over the payload. */
export function signCose(payload: Uint8Array, options: SignOptions): Uint8Array {
  const protectedHeader = new Map<CborKey, CborInput>([[COSE_HEADER.alg, COSE_ALGORITHM[options.algorithm]]]);
  if (options.protectedKid) protectedHeader.set(COSE_HEADER.kid, options.protectedKid);
  const unprotectedHeader: CborMap = new Map();
  if (options.unprotectedKid) unprotectedHeader.set(COSE_HEADER.kid, options.unprotectedKid);
  const protectedBytes = encodeCbor(protectedHeader);
  const input = signatureInput(protectedBytes, payload);
  const signature = options.algorithm === 'ES256'
    ? sign('sha256', input, { key: options.privateKey, dsaEncoding: 'ieee-p1363' })
    : sign('sha256', input, { key: options.privateKey, padding: cryptoConstants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  return encodeCbor(new CborTag(COSE_SIGN1_TAG, [protectedBytes, unprotectedHeader, payload, new Uint8Array(signature)]));
}

/** The QR text: `HC1:` + Base45 of the zlib-compressed message. */
export function toQrText(cose: Uint8Array, options: { compress?: boolean; prefix?: string } = {}): string {
  const body = options.compress === false ? cose : deflateSync(cose, { level: 9 });
  return `${options.prefix ?? 'HC1:'}${base45Encode(body)}`;
}
