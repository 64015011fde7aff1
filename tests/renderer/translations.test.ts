import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/locales/en.json';
import vi from '../../renderer/src/i18n/locales/vi.json';

const rendererDir = fileURLToPath(new URL('../../renderer/src/', import.meta.url));

/** Every leaf key, with i18next's plural suffixes folded into the base key. */
function keys(catalog: object, prefix = ''): Set<string> {
  const found = new Set<string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'object' && value !== null) for (const inner of keys(value, `${path}.`)) found.add(inner);
    else found.add(path.replace(/_(zero|one|two|few|many|other)$/, ''));
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('Vietnamese and English have the same keys', () => {
    expect([...keys(en)].sort()).toEqual([...keys(vi)].sort());
  });

  it('every literal key the screens ask for exists in Vietnamese', () => {
    const known = keys(vi);
    const missing: string[] = [];
    for (const file of sourceFiles(rendererDir)) {
      const source = readFileSync(file, 'utf8');
      // t('a.b') and t(`a.b.${x}`): a template's fixed prefix must name an existing branch.
      for (const match of source.matchAll(/\bt\(\s*(['`])([a-zA-Z][\w.-]*)(\$\{)?/g)) {
        const [, quote, key, template] = match;
        if (quote === "'" && !known.has(key!)) missing.push(`${file}: ${key}`);
        if (quote === '`' && template !== undefined && ![...known].some((knownKey) => knownKey.startsWith(key!))) missing.push(`${file}: ${key}…`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no visible text is written into the screens outside the translation files', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(rendererDir).filter((path) => path.endsWith('.tsx'))) {
      // Text between tags that has a letter in it and is not an expression: `>Lưu<`. A tag's `>`
      // follows a name, a quote, a brace or a slash; `a > b` (spaced) and `=>` are code.
      for (const match of readFileSync(file, 'utf8').matchAll(/(?<=[\w"'}/])>\s*([^<>{}\n]*\p{L}[^<>{}\n]*)\s*</gu)) {
        if (!/^(XLSX|CSV|Alt\+)/.test(match[1]!.trim())) offenders.push(`${file}: ${match[1]!.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
