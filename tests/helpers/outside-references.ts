import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';

/** Folders that are built, installed or written by runs: never part of a clone. */
const generatedFolders = new Set(['node_modules', 'dist', 'release', 'test-artifacts', '.station-data', '.git']);
const scriptExtensions = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs']);
const configExtensions = new Set(['.json', '.yml', '.yaml', '.sh']);

export interface OutsideReference {
  file: string;
  line: number;
  text: string;
}

/** A path written into a source: a quoted literal in code, any `../` run in configuration and shell. */
const quotedLiteral = /(['"`])((?:\.\.?\/|\.\.(?=\1))[^'"`\n]*)\1/g;
const relativeRun = /(?<![\w.])(?:\.\.\/)+[\w.@/-]*/g;
/** Where this workplace keeps things beside the checkout: naming it is reaching outside, whatever the base. */
const siblingFolders = /\/work\/|(?:^|['"`/])shared\/(?:corpus|reference|hooks)\b/;

/**
 * Every place in the repository's sources that names a path outside `root`: relative paths are
 * resolved against the file's own folder (imports, `new URL(…, import.meta.url)`, `join(__dirname, …)`).
 * A heuristic over text, not a module resolver: it errs towards reporting.
 */
export function findOutsideReferences(root: string): OutsideReference[] {
  const found: OutsideReference[] = [];
  for (const file of listFiles(root)) {
    const content = readFileSync(file, 'utf8');
    const extension = extname(file);
    // Extensionless files count when they are scripts (a shebang: .ci/run).
    if (!scriptExtensions.has(extension) && !configExtensions.has(extension) && !(extension === '' && content.startsWith('#!'))) continue;
    const patterns = scriptExtensions.has(extension) ? [quotedLiteral] : [relativeRun];
    const lines = content.split('\n');
    lines.forEach((text, index) => {
      const outside =
        siblingFolders.test(text) ||
        patterns.some((pattern) => [...text.matchAll(pattern)].some((match) => escapes(root, dirname(file), match[2] ?? match[0])));
      if (outside) found.push({ file: relative(root, file), line: index + 1, text: text.trim() });
    });
  }
  return found;
}

function escapes(root: string, base: string, path: string): boolean {
  // A glob (eslint's import patterns) matches paths, it does not name one.
  if (path.includes('*')) return false;
  const target = resolve(base, path);
  return target !== root && !target.startsWith(root + sep);
}

function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (generatedFolders.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      // Test data (images, corpus texts) is read, it does not read.
      else if (!path.startsWith(join(root, 'tests', 'data') + sep)) files.push(path);
    }
  };
  walk(root);
  return files;
}
