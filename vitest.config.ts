import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// No test reads or writes the per-user config of whoever runs it: a station saving its settings
// without --config (as browser mode and the desktop app do) writes under this folder instead.
const userConfigHome = mkdtempSync(join(tmpdir(), 'station-test-config-'));

// Two projects: `unit` (shared, core, shell policies, central API, the renderer's pure logic — plain Node, real SQLite, real
// sockets on 127.0.0.1) and `e2e` (the built app in Debian's Chromium through playwright-core).
export default defineConfig({
  test: {
    env: { XDG_CONFIG_HOME: userConfigHome },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/{shared,core,electron,central-api,renderer,repository}/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the CI machine has 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
