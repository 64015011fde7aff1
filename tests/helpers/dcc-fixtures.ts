// Vaccine passports the tests make themselves: their own signer certificates and keys (ES256 or
// PS256, any key usage and validity) and codes broken at exactly one stage.

import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { certificateJson, type CertificateRequest } from '../../central-api/dcc/certificates';
import { encodeClaims, signCose, toQrText } from '../../central-api/dcc/sign-dcc';
import { makeSelfSignedSigner } from '../../central-api/dcc/test-signer';
import type { CborInput } from '../../shared/dcc/cbor';
import type { CoseAlgorithm } from '../../shared/dcc/cose';
import { keyIdOf } from '../../electron/core/dcc/trust-list';

export const KEY_USAGE = {
  test: '1.3.6.1.4.1.1847.2021.1.1',
  vaccination: '1.3.6.1.4.1.1847.2021.1.2',
  recovery: '1.3.6.1.4.1.0.1847.2021.1.3',
} as const;

export interface TestSigner {
  algorithm: CoseAlgorithm;
  certificate: X509Certificate;
  pem: string;
  privateKey: KeyObject;
  kid: Uint8Array;
}

const DAY = 86_400_000;

export async function makeSigner(options: { algorithm?: CoseAlgorithm; keyUsages?: string[]; notBefore?: Date; notAfter?: Date; name?: string } = {}): Promise<TestSigner> {
  const algorithm = options.algorithm ?? 'ES256';
  const made = await makeSelfSignedSigner({ name: options.name ?? `CN=Test DSC ${algorithm}, C=VN`, now: new Date(), algorithm, keyUsages: options.keyUsages, notBefore: options.notBefore, notAfter: options.notAfter });
  const certificate = new X509Certificate(made.certificatePem);
  return { algorithm, certificate, pem: made.certificatePem, privateKey: createPrivateKey(made.privateKeyPem), kid: Buffer.from(keyIdOf(certificate.raw), 'base64') };
}

export const VACCINATED: Extract<CertificateRequest, { type: 'vaccination' }> = { type: 'vaccination', familyName: 'Nguyễn', givenName: 'Thị Lan', birthDate: '1990-05-17', dose: 2, seriesDoses: 2, date: '2021-09-20' };

export interface DccOptions {
  certificate?: CborInput;
  request?: CertificateRequest;
  issuedAt?: Date;
  expiresAt?: Date;
  /** Where the key id goes (default: protected); a Uint8Array puts that (wrong) kid there instead. */
  protectedKid?: Uint8Array | null;
  unprotectedKid?: Uint8Array | null;
  /** The key that signs, when not the signer's own (a forger who knows the kid). */
  signingKey?: KeyObject;
  compress?: boolean;
  prefix?: string;
  /** Changes the signed message's bytes before compression. */
  tamper?: (cose: Uint8Array) => Uint8Array;
  /** Replaces the CWT payload bytes that get signed. */
  payload?: Uint8Array;
}

export function makeDcc(signer: TestSigner, options: DccOptions = {}): string {
  const now = Date.now();
  const payload = options.payload ?? encodeClaims({
    issuer: 'VN',
    issuedAt: options.issuedAt ?? new Date(now - DAY),
    expiresAt: options.expiresAt ?? new Date(now + 180 * DAY),
    certificate: options.certificate ?? (certificateJson(options.request ?? VACCINATED, 'URN:UVCI:01:VN:TEST0001#Q') as CborInput),
  });
  const cose = signCose(payload, {
    algorithm: signer.algorithm,
    privateKey: options.signingKey ?? signer.privateKey,
    protectedKid: options.protectedKid === undefined ? signer.kid : options.protectedKid,
    unprotectedKid: options.unprotectedKid ?? null,
  });
  return toQrText(options.tamper ? options.tamper(cose) : cose, { compress: options.compress, prefix: options.prefix });
}
