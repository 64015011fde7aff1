import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The third-party QR corpus kept in the repository (tests/data/qr-corpus/README.md): images with their exact expected texts. */
export const corpusRoot = fileURLToPath(new URL('../../tests/data/qr-corpus', import.meta.url));

/** The two sources are never added up: zxing-cpp's set is biased towards zxing-cpp (its README). */
export const corpusSources = ['zxing-blackbox', 'zxing-cpp-samples'] as const;
export type CorpusSource = (typeof corpusSources)[number];

export interface CorpusImage {
  source: CorpusSource;
  /** `qrcode-1` … `qrcode-6`. */
  set: string;
  name: string;
  path: string;
  expected: string;
}

const imageExtensions = new Set(['.png', '.jpg', '.jpeg', '.webp']);

export function listCorpus(): CorpusImage[] {
  const images: CorpusImage[] = [];
  for (const source of corpusSources) {
    for (const set of readdirSync(join(corpusRoot, source)).sort()) {
      const dir = join(corpusRoot, source, set);
      for (const file of readdirSync(dir).sort()) {
        const extension = extname(file);
        if (!imageExtensions.has(extension.toLowerCase())) continue;
        const name = file.slice(0, -extension.length);
        images.push({ source, set, name, path: join(dir, file), expected: readFileSync(join(dir, `${name}.txt`), 'utf8') });
      }
    }
  }
  return images;
}

/** Right when one of the codes found is the expected text; wrong when codes were found but none is. */
export function judge(expected: string, texts: string[]): 'right' | 'wrong' | 'missed' {
  if (texts.includes(expected)) return 'right';
  return texts.length > 0 ? 'wrong' : 'missed';
}
