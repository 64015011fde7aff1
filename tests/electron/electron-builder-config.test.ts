import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = createRequire(import.meta.url)('app-builder-lib/scheme.json') as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('sets every security fuse the hardened shell relies on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('never rebuilds native modules at install time: the N-API database build ships prebuilt', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3-mc-napi/**');
  });

  it('builds the Windows NSIS x64 installer in Vietnamese, and Linux AppImage and .deb, with our icons', () => {
    expect(config.win).toMatchObject({ target: [{ target: 'nsis', arch: ['x64'] }], icon: 'resources/icon.ico' });
    expect(config.nsis).toMatchObject({ installerLanguages: ['vi_VN', 'en_US'], language: '1066' });
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], icon: 'resources/icons' });
  });

  it('ships the N-API database build only: the Node-ABI one cannot load in Electron', () => {
    expect(config.files).toContain('!node_modules/better-sqlite3-multiple-ciphers/**');
  });
});
