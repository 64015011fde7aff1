import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEnrolmentStore, enrolmentFileName } from '../../../electron/core/central/enrolment';
import type { KeySealer } from '../../../electron/core/db/database-key';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const enrolment = { apiUrl: 'https://api.example.gov.vn/', stationId: 'CP-HN-07-A', token: 'T0k3n-'.repeat(8) };
/** Electron's safeStorage cannot run here: a sealer as opaque as the keychain's for what the test looks at. */
const keychain: KeySealer = {
  fileName: 'station.key.sealed',
  kind: 'os-keychain',
  seal: async (text) => Buffer.from(Buffer.from(text).map((byte) => byte ^ 0x5a)),
  unseal: async (sealed) => Buffer.from(sealed.map((byte) => byte ^ 0x5a)).toString(),
};

describe('the enrolment token', () => {
  it('is sealed like the database key in the desktop app: never in clear on disk', async () => {
    const dataDir = tempDir();
    const store = createEnrolmentStore(dataDir, keychain);
    await store.save(enrolment);
    expect(existsSync(join(dataDir, enrolmentFileName))).toBe(false);
    const sealed = readFileSync(join(dataDir, 'enrolment.sealed'));
    expect(sealed.toString('latin1')).not.toContain(enrolment.token);
    expect(await store.load('https://api.example.gov.vn')).toEqual(enrolment);
    expect(await store.load('https://other.example.gov.vn')).toBeNull();
  });

  it('seals a desktop token kept in clear by an earlier version, and removes the clear copy', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, enrolmentFileName), JSON.stringify(enrolment), { mode: 0o600 });
    expect(await createEnrolmentStore(dataDir, keychain).load(enrolment.apiUrl)).toEqual(enrolment);
    expect(existsSync(join(dataDir, enrolmentFileName))).toBe(false);
    expect(readFileSync(join(dataDir, 'enrolment.sealed')).toString('latin1')).not.toContain(enrolment.token);
  });

  it('is owner-only JSON in headless mode', async () => {
    const dataDir = tempDir();
    await createEnrolmentStore(dataDir).save(enrolment);
    expect(statSync(join(dataDir, enrolmentFileName)).mode & 0o777).toBe(0o600);
    expect(await createEnrolmentStore(dataDir).load(enrolment.apiUrl)).toEqual(enrolment);
  });
});
