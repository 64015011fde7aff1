import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative, sep } from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build, Platform } from 'electron-builder';
import { init as initLexer, parse as parseImports } from 'es-module-lexer';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';

// Whether an installed copy would start is decided by what electron-builder puts in the package:
// this builds the real package directory (electron-builder's `dir` target, from electron-builder.yml)
// around a stand-in Electron distribution, since the real one cannot be downloaded here, and checks
// that every module the main bundle and the decoder worker import loads from inside it.

const tempDir = useTempDirs({ forFile: true });
const projectDir = process.cwd();
const builderConfig = parseYaml(readFileSync(join(projectDir, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
const bundles = ['dist/electron/main.mjs', 'dist/electron/decoder-worker.mjs'];
/** Electron's own modules exist only inside Electron. */
const providedByElectron = new Set(['electron']);

/** @electron/fuses finds the fuse wire after this marker in Electron's binary. */
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const fuseWireVersion = 1;
/** A fuse's state in the wire is an ASCII digit. */
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) } as const;

/** An "Electron" that is only a file carrying a fuse wire, every fuse on, so electron-builder can flip them. */
function standInElectronDist(): string {
  const dir = tempDir();
  const fuseCount = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key))).length;
  const wire = Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(fuseSentinel), Buffer.from([fuseWireVersion, fuseCount]), Buffer.alloc(fuseCount, FuseState.ENABLE)]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
  mkdirSync(join(dir, 'resources'));
  return dir;
}

let appDir: string;
let extracted: string;
let packedFiles: string[];

beforeAll(async () => {
  expect(existsSync(join(projectDir, 'dist/renderer/index.html')), 'the renderer is built first (`npm run build:renderer`, part of npm test)').toBe(true);
  const bundled = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-electron.ts'], { cwd: projectDir, encoding: 'utf8' });
  expect(bundled.status, bundled.stderr).toBe(0);
  const output = tempDir();
  await build({
    projectDir,
    publish: 'never',
    targets: Platform.LINUX.createTarget('dir'),
    config: { extends: './electron-builder.yml', electronDist: standInElectronDist(), directories: { output } },
  });
  appDir = join(output, 'linux-unpacked');
  const asar = join(appDir, 'resources', 'app.asar');
  packedFiles = listPackage(asar, { isPack: false }).map((file) => file.replace(/^[\\/]/, '').split(sep).join('/'));
  extracted = tempDir();
  // Unpacked files (the native modules) come along from app.asar.unpacked, as Electron reads them.
  extractAll(asar, extracted);
}, 300_000);

function bareImportsOf(bundle: string): string[] {
  const [imports] = parseImports(readFileSync(join(extracted, bundle), 'utf8'));
  const names = imports.map((entry) => entry.n).filter((name): name is string => name !== undefined && !name.startsWith('.') && !isBuiltin(name));
  return [...new Set(names)].filter((name) => !providedByElectron.has(name));
}

describe('the packaged app', () => {
  it('holds its bundles, preload and renderer, and no source maps nor the reference server’s citizen app', () => {
    for (const file of [...bundles, 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'package.json']) expect(packedFiles, file).toContain(file);
    expect(packedFiles.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(packedFiles.filter((file) => file.startsWith('dist/citizen'))).toEqual([]);
  });

  it('loads every module the main bundle and the decoder worker import, from inside the package alone', async () => {
    await initLexer;
    const specifiers = bundles.flatMap(bareImportsOf);
    // The database driver the shell passes (N-API) must be among them; the Node-ABI build must not be.
    expect(specifiers).toContain('better-sqlite3-mc-napi');
    expect(specifiers).not.toContain('better-sqlite3-multiple-ciphers');
    // The probe sits beside the bundles, so it resolves exactly as they do; the temp folder has no
    // node_modules above it, and every path is checked to be inside the package anyway.
    const probe = join(extracted, 'dist/electron/probe.mjs');
    writeFileSync(
      probe,
      `const results = [];
for (const specifier of ${JSON.stringify(specifiers)}) {
  try {
    const resolved = import.meta.resolve(specifier);
    await import(specifier);
    results.push({ specifier, resolved });
  } catch (error) {
    results.push({ specifier, error: String(error) });
  }
}
process.stdout.write(JSON.stringify(results));
`,
    );
    const ran = spawnSync(process.execPath, [probe], { cwd: extracted, encoding: 'utf8' });
    expect(ran.status, ran.stderr).toBe(0);
    const results = JSON.parse(ran.stdout) as { specifier: string; resolved?: string; error?: string }[];
    expect(results.filter((result) => result.error !== undefined)).toEqual([]);
    for (const result of results) expect(relative(extracted, new URL(result.resolved!).pathname).startsWith('..'), result.specifier).toBe(false);
    expect(results.map((result) => result.specifier).sort()).toEqual([...specifiers].sort());
  });

  it('unpacks every native module it carries, so the OS can load it', () => {
    const natives = packedFiles.filter((file) => file.endsWith('.node'));
    expect(natives.some((file) => file.startsWith('node_modules/better-sqlite3-mc-napi/'))).toBe(true);
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked');
    expect(natives.filter((file) => !existsSync(join(unpacked, file)))).toEqual([]);
  });

  it('has the fuses electron-builder.yml asks for flipped in its binary', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'checkpoint-station'));
    const fuseOf: Record<string, FuseV1Options> = {
      runAsNode: FuseV1Options.RunAsNode,
      enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
      enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
      enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
      enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
      onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
      grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
    };
    const asked = Object.entries(builderConfig.electronFuses);
    expect(asked.length).toBe(Object.keys(fuseOf).length);
    for (const [name, enabled] of asked) expect(wire[fuseOf[name]!], name).toBe(enabled ? FuseState.ENABLE : FuseState.DISABLE);
  });
});
