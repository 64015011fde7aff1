import { defineConfig } from 'vite';
import { pageBuild } from './vite.pages.ts';

// The citizen app simulator (citizen-app/), served by the reference central API at /citizen/
// (central-api/citizen/app-files.ts).
export default defineConfig(pageBuild('citizen-app', 'dist/citizen'));
