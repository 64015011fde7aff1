import { defineConfig } from 'vitest/config';

// Two projects: `unit` (shared, core, shell policies, central API, the renderer's pure logic — plain Node, real SQLite, real
// sockets on 127.0.0.1) and `e2e` (the built app in Debian's Chromium through playwright-core).
export default defineConfig({
  test: {
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
