import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/core/db/open-database';
import { startHelper } from '../../helpers/child-process';
import { testKey } from '../../helpers/fixtures';
import { afterTheClose, leafPagesOf, overwritePage, recordStation, snapshot, type Snapshot } from '../../helpers/station-records';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const cycles = 6;
const besideDatabase = ['', '.key-check', '.high-water'];

/** A fresh copy of the damaged data folder. */
function copyOf(template: string, name: string): string {
  const folder = join(template, '..', name);
  mkdirSync(folder);
  for (const suffix of besideDatabase) copyFileSync(join(template, `station.db${suffix}`), join(folder, `station.db${suffix}`));
  return join(folder, 'station.db');
}

const content = (records: Snapshot) => ({
  passages: records.passages.map((row) => `${row.id}:${row.sequence}:${row.revision}`),
  outbox: records.outbox.map((row) => row.passage_id),
  officers: records.officers,
  audit: records.audit.filter((row) => row.action !== 'database.moved-aside'),
});

describe('a crash while a damaged database is set aside and salvaged', () => {
  it(`resumes at the next start: ${cycles} SIGKILLs at random moments, and each time the same passages end up in the new database, the damaged file kept once`, async () => {
    const template = join(tempDir(), 'template');
    mkdirSync(template);
    recordStation(join(template, 'station.db'), 1000);
    await afterTheClose();
    const leaves = leafPagesOf(join(template, 'station.db'), 'passages');
    overwritePage(join(template, 'station.db'), leaves[Math.floor(leaves.length / 2)]!);
    const damaged = readFileSync(join(template, 'station.db'));

    // Uninterrupted, in a child that is let finish: how long the open takes, and what it carries.
    const baselinePath = copyOf(template, 'baseline');
    const baseline = startHelper('hold-database.ts', [baselinePath, testKey]);
    await baseline.line('opening');
    const started = performance.now();
    expect(await baseline.line('opened')).toMatch(/"kind":"moved-aside"/);
    const openMs = performance.now() - started;
    await baseline.kill();
    const reference = openDatabase(baselinePath, { driver: nodeDatabaseDriver, key: testKey });
    const expected = content(snapshot(reference.db));
    closeDatabase(reference);
    expect(expected.passages.length).toBeGreaterThan(100);

    let interrupted = 0;
    for (let cycle = 0; cycle < cycles; cycle += 1) {
      const path = copyOf(template, `cycle-${cycle}`);
      const child = startHelper('hold-database.ts', [path, testKey]);
      await child.line('opening');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * openMs));
      await child.kill();
      if (existsSync(`${path}.set-aside`)) interrupted += 1;

      const opened = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
      expect(content(snapshot(opened.db))).toEqual(expected);
      const folder = join(path, '..');
      const damagedFiles = readdirSync(folder).filter((name) => name.includes('.damaged-'));
      expect(damagedFiles).toHaveLength(1);
      expect(readFileSync(join(folder, damagedFiles[0]!)).equals(damaged)).toBe(true);
      expect(existsSync(`${path}.set-aside`)).toBe(false);
      closeDatabase(opened);
    }
    // At least one kill landed between setting the file aside and finishing the salvage.
    expect(interrupted).toBeGreaterThan(0);
  }, 120_000);
});
