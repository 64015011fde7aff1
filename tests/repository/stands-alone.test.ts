import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findOutsideReferences } from '../helpers/outside-references';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
/** This file names outside paths on purpose, as the check's own examples. */
const thisFile = 'tests/repository/stands-alone.test.ts';

describe('the repository stands alone', () => {
  it('no code, test, benchmark or configuration names a path outside the checkout', () => {
    expect(findOutsideReferences(root).filter(({ file }) => file !== thisFile)).toEqual([]);
  });

  it('the check reports each way of reaching outside, and nothing inside', () => {
    const fake = tempDir();
    mkdirSync(join(fake, 'bench', 'lib'), { recursive: true });
    mkdirSync(join(fake, '.ci'));
    writeFileSync(join(fake, 'bench', 'lib', 'corpus.ts'), [
      "import { x } from '../../shared/codes';", // inside: bench/lib → shared
      "const corpus = new URL('../../../shared/corpus', import.meta.url);", // outside
      "const csv = join(__dirname, '../../..', 'data.csv');", // outside
      "const fine = join(__dirname, '..', 'x');", // inside
      "const elsewhere = '/work/shared/reference/province-codes.csv';", // outside, absolute
    ].join('\n'));
    writeFileSync(join(fake, 'tsconfig.json'), '{ "extends": "../base/tsconfig.json" }');
    writeFileSync(join(fake, '.ci', 'run'), '#!/usr/bin/env bash\ncd "$(dirname "$0")/.."\ncp ../../corpus x\n');
    expect(findOutsideReferences(fake).map(({ file, line }) => `${file}:${line}`)).toEqual([
      '.ci/run:3',
      'bench/lib/corpus.ts:2',
      'bench/lib/corpus.ts:3',
      'bench/lib/corpus.ts:5',
      'tsconfig.json:1',
    ]);
  });
});
