import { defineConfig } from 'vite';
import { pageBuild } from './vite.pages.ts';

// The renderer is built once and served unchanged by Electron's custom protocol and by the
// browser-mode bridge.
export default defineConfig(pageBuild('renderer', 'dist/renderer'));
