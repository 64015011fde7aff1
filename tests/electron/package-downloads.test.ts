import { describe, expect, it } from 'vitest';
import { missingDownloadMessage } from '../../scripts/package-downloads';

describe('npm run package without the Electron download', () => {
  it('says in one sentence what it needs when GitHub cannot be reached', () => {
    const message = missingDownloadMessage(new Error('Get "https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip": dial tcp: lookup github.com: no such host'), '45.4.1');
    expect(message).toMatch(/^npm run package needs the Electron 45\.4\.1 release archive .* cannot download it: .*ELECTRON_CACHE.*\.$/);
    expect(message?.split('. ')).toHaveLength(1);
  });

  it('leaves any other failure to speak for itself', () => {
    expect(missingDownloadMessage(new Error('Invalid configuration object: configuration.nsis has an unknown property'), '45.4.1')).toBeNull();
  });
});
