// `npm run bench [NAME…] [OPTIONS]`: runs every bench/*.bench.ts (or those named, e.g. `decode`)
// one after another, each in its own process so memory figures are its own. Other arguments
// (e.g. `--quick`) are passed on to each bench.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const benches = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort()
  .map((file) => ({ name: file.slice(0, -'.bench.ts'.length), file: join(dir, file) }));
const args = process.argv.slice(2);
const named = args.filter((arg) => benches.some((bench) => bench.name === arg));
const passOn = args.filter((arg) => !named.includes(arg));

let failed = false;
for (const bench of benches.filter((b) => named.length === 0 || named.includes(b.name))) {
  process.stdout.write(`\n## ${bench.name}\n\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', bench.file, ...passOn], { stdio: 'inherit' });
  if (run.status !== 0) {
    process.stderr.write(`bench ${bench.name} failed (exit ${run.status ?? run.signal})\n`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
