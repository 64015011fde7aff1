import { spawnSync } from 'node:child_process';

// One tsconfig per layer (see tsconfig.json): each is checked on its own so a layer's narrower
// `lib`/`types` really applies to its files.
const layers = ['shared', 'core', 'electron', 'renderer', 'tests'];
let failed = false;
for (const layer of layers) {
  const result = spawnSync('npx', ['tsc', '-p', `tsconfig.${layer}.json`], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`typecheck failed: tsconfig.${layer}.json`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
