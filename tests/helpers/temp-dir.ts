import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** A fresh folder per call, removed after the test (after the file's tests, with `{ forFile: true }`: for folders made in beforeAll). */
export function useTempDirs(options: { forFile?: boolean } = {}): () => string {
  const created: string[] = [];
  (options.forFile === true ? afterAll : afterEach)(() => {
    for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'station-test-'));
    created.push(dir);
    return dir;
  };
}
