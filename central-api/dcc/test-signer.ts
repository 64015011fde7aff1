// The reference server's own document signer, for demos and tests (--test-admin): a P-256 key and
// a self-signed signer certificate made on first start and kept in the data folder (owner-only),
// so the trust list it serves stays the same across restarts.

import 'reflect-metadata';
import { createPrivateKey, webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

export interface DocumentSigner {
  certificatePem: string;
  /** The certificate's DER. */
  certificate: Buffer;
  privateKey: KeyObject;
}

const ecdsa = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const YEAR_MS = 365 * 86_400_000;
const FILE = 'dcc-test-signer.json';

/** The signer of `dataDir`, made when it has none yet. */
export async function loadOrCreateTestSigner(dataDir: string, now: Date): Promise<DocumentSigner> {
  const file = join(dataDir, FILE);
  if (existsSync(file)) {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { certificatePem: string; privateKeyPem: string };
      return signerOf(stored.certificatePem, stored.privateKeyPem);
    } catch (error) {
      throw new Error(`the test signer file ${file} is damaged (${(error as Error).message}): delete it and a new signer is made`, { cause: error });
    }
  }
  const made = await makeSelfSignedSigner({ name: 'CN=Reference central API test DSC, O=Checkpoint station reference server, C=VN', now });
  writeFileSync(file, JSON.stringify({ certificatePem: made.certificatePem, privateKeyPem: made.privateKeyPem }), { mode: 0o600 });
  return signerOf(made.certificatePem, made.privateKeyPem);
}

function signerOf(certificatePem: string, privateKeyPem: string): DocumentSigner {
  return { certificatePem, certificate: new X509Certificate(certificatePem).raw, privateKey: createPrivateKey(privateKeyPem) };
}

export interface SignerRequest {
  name: string;
  now: Date;
  notBefore?: Date;
  notAfter?: Date;
  /** Extended key usage OIDs; none = may sign every certificate type. */
  keyUsages?: string[];
  algorithm?: 'ES256' | 'PS256';
}

/** A self-signed document-signer certificate and its key, as PEM. */
export async function makeSelfSignedSigner(request: SignerRequest): Promise<{ certificatePem: string; privateKeyPem: string }> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[1]);
  const algorithm = request.algorithm === 'PS256'
    ? { name: 'RSA-PSS', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048, saltLength: 32 }
    : ecdsa;
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const extensions: x509.Extension[] = [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)];
  if (request.keyUsages && request.keyUsages.length > 0) extensions.push(new x509.ExtendedKeyUsageExtension(request.keyUsages));
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Date.now().toString(16),
    name: request.name,
    notBefore: request.notBefore ?? new Date(request.now.getTime() - 86_400_000),
    notAfter: request.notAfter ?? new Date(request.now.getTime() + 2 * YEAR_MS),
    keys,
    signingAlgorithm: algorithm,
    extensions,
  });
  return { certificatePem: certificate.toString('pem'), privateKeyPem: await privateKeyPem(keys.privateKey) };
}

/** A WebCrypto private key as PKCS #8 PEM. */
export async function privateKeyPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----\n`;
}
