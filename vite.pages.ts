import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

/**
 * How a page of ours is built: the station's renderer (vite.config.ts) and the citizen app
 * (vite.citizen.config.ts). Relative asset paths keep a page independent of where it is served.
 */
export function pageBuild(root: string, outDir: string): UserConfig {
  return {
    root: fileURLToPath(new URL(`./${root}`, import.meta.url)),
    base: './',
    plugins: [react()],
    build: {
      outDir: fileURLToPath(new URL(`./${outDir}`, import.meta.url)),
      emptyOutDir: true,
      // No inline scripts or data: modules: the CSP forbids them.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
    },
  };
}
