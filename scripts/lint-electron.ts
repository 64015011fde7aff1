import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * `npm run lint:electron`: Doyensec's Electronegativity over the shell (main process, preload and
 * the CSP builder). Fails on any finding not explained in electron/electronegativity-accepted.json,
 * and on any explanation that no longer matches a finding, so the file cannot go stale.
 */
const acceptedFile = 'electron/electronegativity-accepted.json';
const scanned = ['electron/main', 'electron/preload', 'shared/security'];

const acceptedSchema = z
  .object({
    /** Checks not run at all, by class name, with why. */
    excludedChecks: z.record(z.string(), z.string().min(20)),
    /** Findings reviewed and accepted: the check id, the file it names, and why it is not a risk here. */
    accepted: z.array(z.object({ check: z.string(), file: z.string(), reason: z.string().min(20) }).strict()),
  })
  .strict();

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
}
interface ScanResult {
  issues: Finding[];
  errors: { file: string; message: string; tolerable: boolean }[];
}
type Run = (options: Record<string, unknown>) => Promise<ScanResult>;

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity') as Run;
const policy = acceptedSchema.parse(JSON.parse(readFileSync(acceptedFile, 'utf8')));

// One folder holding just the shell, with the Electron version the app uses (read from package.json).
const staging = mkdtempSync(join(tmpdir(), 'electronegativity-'));
try {
  for (const dir of scanned) cpSync(dir, join(staging, dir), { recursive: true });
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ devDependencies: { electron: electronVersion } }));
  const result = await run({
    input: staging,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: Object.keys(policy.excludedChecks),
  });
  process.exitCode = report(result) ? 0 : 1;
} finally {
  rmSync(staging, { recursive: true, force: true });
}

function report(result: ScanResult): boolean {
  const isAccepted = (finding: Finding) => policy.accepted.some((entry) => entry.check === finding.id && entry.file === finding.file);
  const unexplained = result.issues.filter((finding) => !isAccepted(finding));
  const stale = policy.accepted.filter((entry) => !result.issues.some((finding) => finding.id === entry.check && finding.file === entry.file));
  const parseErrors = result.errors.filter((error) => !error.tolerable);
  for (const finding of unexplained) console.error(`${finding.id} ${finding.file}:${finding.location.line} ${finding.description}`);
  for (const entry of stale) console.error(`${acceptedFile}: no finding ${entry.check} in ${entry.file} any more; remove the entry`);
  for (const error of parseErrors) console.error(`could not scan ${error.file}: ${error.message}`);
  const ok = unexplained.length === 0 && stale.length === 0 && parseErrors.length === 0;
  console.log(
    ok
      ? `Electronegativity: ${result.issues.length} findings, all explained in ${acceptedFile}.`
      : `Electronegativity: ${unexplained.length} unexplained findings, ${stale.length} stale explanations, ${parseErrors.length} files not scanned.`,
  );
  return ok;
}
