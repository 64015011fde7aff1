import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { privateKeyPem } from '../../central-api/dcc/test-signer';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ecdsa = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const day = 86_400_000;

/** A certificate authority made by the test, as a closed government network has its own. */
export async function createTestCa(name = 'Test Closed-Network CA') {
  const keys = (await webcrypto.subtle.generateKey(ecdsa, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${name}`,
    notBefore: new Date(Date.now() - day),
    notAfter: new Date(Date.now() + 30 * day),
    keys,
    signingAlgorithm: ecdsa,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  return {
    certPem: certificate.toString('pem'),
    /** A TLS server certificate for 127.0.0.1, signed by this CA: key and certificate as PEM. */
    async issueServerCertificate(): Promise<{ key: string; cert: string }> {
      const serverKeys = (await webcrypto.subtle.generateKey(ecdsa, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
      const server = await x509.X509CertificateGenerator.create({
        serialNumber: '02',
        subject: 'CN=127.0.0.1',
        issuer: certificate.subject,
        notBefore: new Date(Date.now() - day),
        notAfter: new Date(Date.now() + 30 * day),
        publicKey: serverKeys.publicKey,
        signingKey: keys.privateKey,
        signingAlgorithm: ecdsa,
        extensions: [
          new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: '127.0.0.1' }]),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        ],
      });
      return { key: await privateKeyPem(serverKeys.privateKey), cert: server.toString('pem') };
    },
  };
}
