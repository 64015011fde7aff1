import type { SafeStorage } from 'electron';
import type { KeySealer } from '../core/db/database-key';

/** Linux's fallback backend stores secrets with a hard-coded password: no protection at all. */
export const insecureLinuxBackend = 'basic_text';

export class KeychainUnavailableError extends Error {
  override name = 'KeychainUnavailableError';
}

/**
 * Seals the database key (and the enrolment token) with the OS keychain (DPAPI on Windows, Keychain on macOS, libsecret or
 * KWallet on Linux), so a copied disk without the officer's login cannot open the records.
 */
export async function createSafeStorageSealer(safeStorage: SafeStorage, platform: NodeJS.Platform): Promise<KeySealer> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    throw new KeychainUnavailableError('the OS keychain is not available, so the database key cannot be protected');
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === insecureLinuxBackend) {
    throw new KeychainUnavailableError(
      'no secure keychain on this Linux desktop (only "basic_text"): install and unlock gnome-keyring or KWallet',
    );
  }
  return {
    fileName: 'station.key.sealed',
    kind: 'os-keychain',
    seal: (key) => safeStorage.encryptStringAsync(key),
    unseal: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
  };
}
