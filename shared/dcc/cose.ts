// COSE_Sign1 (RFC 9052) and the CBOR Web Token (RFC 8392) claims of the EU Digital COVID
// Certificate (hcert, eHealth Network specification 1.0.5). Structure only, pure: checking the
// signature needs a key and a crypto library, which the station core brings.

import { CborTag, decodeCbor, encodeCbor, type CborMap, type CborValue } from './cbor';

/** Thrown when the bytes are CBOR but not a COSE_Sign1 message the specification allows. */
export class CoseError extends Error {
  override name = 'CoseError';
}

/** Thrown when the signed payload is not the CWT a health certificate is. */
export class CwtError extends Error {
  override name = 'CwtError';
}

export const COSE_SIGN1_TAG = 18;
export const CWT_TAG = 61;
export const COSE_HEADER = { alg: 1, kid: 4 } as const;
export const COSE_ALGORITHM = { ES256: -7, PS256: -37 } as const;
export type CoseAlgorithm = keyof typeof COSE_ALGORITHM;

export interface CoseSign1 {
  /** The protected header exactly as signed. */
  protectedBytes: Uint8Array;
  protectedHeader: CborMap;
  unprotectedHeader: CborMap;
  payload: Uint8Array;
  signature: Uint8Array;
}

/** Reads a COSE_Sign1 message, tagged (18, optionally inside the CWT tag 61) or not. */
export function readCoseSign1(bytes: Uint8Array): CoseSign1 {
  let message = decodeCbor(bytes);
  if (message instanceof CborTag && message.tag === CWT_TAG) message = message.value;
  if (message instanceof CborTag) {
    if (message.tag !== COSE_SIGN1_TAG) throw new CoseError(`tag ${message.tag} is not COSE_Sign1`);
    message = message.value;
  }
  if (!Array.isArray(message) || message.length !== 4) throw new CoseError('a COSE_Sign1 message is an array of four items');
  const [protectedBytes, unprotectedHeader, payload, signature] = message;
  if (!(protectedBytes instanceof Uint8Array)) throw new CoseError('the protected header must be a byte string');
  if (!(unprotectedHeader instanceof Map)) throw new CoseError('the unprotected header must be a map');
  if (!(payload instanceof Uint8Array)) throw new CoseError('the payload must be present, as a byte string');
  if (!(signature instanceof Uint8Array)) throw new CoseError('the signature must be a byte string');
  return { protectedBytes, protectedHeader: readProtectedHeader(protectedBytes), unprotectedHeader, payload, signature };
}

function readProtectedHeader(bytes: Uint8Array): CborMap {
  if (bytes.length === 0) return new Map();
  let header: CborValue;
  try {
    header = decodeCbor(bytes);
  } catch (error) {
    throw new CoseError(`the protected header is not CBOR: ${(error as Error).message}`);
  }
  if (!(header instanceof Map)) throw new CoseError('the protected header must be a map');
  return header;
}

/**
 * The signing algorithm, from the protected header or, failing that, the unprotected one (issuers
 * do both, and the conformance data accepts both); only the two the specification allows. An
 * unprotected algorithm cannot weaken the check: the signer's key must be of that algorithm's type.
 */
export function algorithmOf(message: CoseSign1): CoseAlgorithm {
  const alg = message.protectedHeader.has(COSE_HEADER.alg) ? message.protectedHeader.get(COSE_HEADER.alg) : message.unprotectedHeader.get(COSE_HEADER.alg);
  const name = (Object.keys(COSE_ALGORITHM) as CoseAlgorithm[]).find((key) => COSE_ALGORITHM[key] === alg);
  if (name === undefined) throw new CoseError(alg === undefined ? 'no algorithm in the protected header' : `algorithm ${String(alg)} is neither ES256 nor PS256`);
  return name;
}

/**
 * The signer's key id: the protected header's when it has one, only failing that the unprotected
 * header's (hcert 3.3.1). A wrong protected kid is never rescued by a right unprotected one.
 */
export function keyIdOf(message: CoseSign1): Uint8Array | null {
  const kid = message.protectedHeader.has(COSE_HEADER.kid) ? message.protectedHeader.get(COSE_HEADER.kid) : message.unprotectedHeader.get(COSE_HEADER.kid);
  return kid instanceof Uint8Array ? kid : null;
}

/** What the signature covers: Sig_structure for a Signature1 with no external data. */
export function signatureInput(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

export const CWT_CLAIM = { issuer: 1, expiresAt: 4, issuedAt: 6, healthCertificate: -260 } as const;
/** The EU DCC inside the hcert claim. */
const EU_DCC_KEY = 1;

export interface HealthCertificateClaims {
  /** ISO 3166 country of the issuer, when given. */
  issuer: string | null;
  /** Seconds since the epoch. */
  issuedAt: number;
  expiresAt: number;
  /** The certificate, as JSON: to be checked against its schema before anything reads it. */
  certificate: unknown;
}

export function readHealthCertificateClaims(payload: Uint8Array): HealthCertificateClaims {
  let claims: CborValue;
  try {
    claims = decodeCbor(payload);
  } catch (error) {
    throw new CwtError(`the payload is not CBOR: ${(error as Error).message}`);
  }
  if (!(claims instanceof Map)) throw new CwtError('the claims must be a map');
  const issuer = claims.get(CWT_CLAIM.issuer);
  if (issuer !== undefined && typeof issuer !== 'string') throw new CwtError('the issuer claim must be text');
  const hcert = claims.get(CWT_CLAIM.healthCertificate);
  if (!(hcert instanceof Map) || !hcert.has(EU_DCC_KEY)) throw new CwtError('no EU DCC in the health certificate claim');
  return {
    issuer: issuer ?? null,
    issuedAt: timeClaim(claims, CWT_CLAIM.issuedAt, 'issued at'),
    expiresAt: timeClaim(claims, CWT_CLAIM.expiresAt, 'expiry'),
    certificate: toJson(hcert.get(EU_DCC_KEY), 0),
  };
}

function timeClaim(claims: CborMap, key: number, name: string): number {
  const value = claims.get(key);
  // NumericDate: integer or floating-point seconds (RFC 8392 2).
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new CwtError(`the ${name} claim must be a number of seconds`);
  return value;
}

/** CBOR → JSON: text-keyed maps, arrays, text, finite numbers, booleans, null; dates (tags 0, 1) as text. */
function toJson(value: CborValue, depth: number): unknown {
  if (depth > 12) throw new CwtError('the certificate is nested too deeply');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map((item) => toJson(item, depth + 1));
  if (value instanceof Map) {
    const object: Record<string, unknown> = {};
    for (const [key, item] of value) {
      if (typeof key !== 'string') throw new CwtError('the certificate has a key that is not text');
      Object.defineProperty(object, key, { value: toJson(item, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return object;
  }
  if (value instanceof CborTag && value.tag === 0 && typeof value.value === 'string') return value.value;
  if (value instanceof CborTag && value.tag === 1 && typeof value.value === 'number') return new Date(value.value * 1000).toISOString();
  throw new CwtError('the certificate holds a value JSON cannot carry');
}


