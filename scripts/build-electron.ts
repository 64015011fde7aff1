import { build } from 'esbuild';

// The shell is bundled (Electron cannot run TypeScript); dependencies stay in node_modules and are
// packaged by electron-builder. The preload is CommonJS because sandboxed preloads cannot be ESM.
const mainProcessBundle = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
} as const;

await build({ ...mainProcessBundle, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.mjs' });
// The decoder runs in a worker thread of the main process: its own bundle, next to main.mjs.
await build({ ...mainProcessBundle, entryPoints: ['electron/core/decoding/decoder-worker.ts'], outfile: 'dist/electron/decoder-worker.mjs' });
await build({
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'chrome130',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
});
