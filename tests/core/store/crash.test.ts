import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const writer = fileURLToPath(new URL('../../helpers/crash-writer.ts', import.meta.url));
const cycles = 30;

/** Runs the writer until a random moment after its first acknowledgements, then SIGKILLs it. */
function runAndKill(path: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path, testKey], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.stdout.on('data', (chunk) => {
      buffer += String(chunk);
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * 200);
        else acknowledged.push(line);
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`writer ended without the kill: ${stderr}`))));
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged passage through ${cycles} SIGKILLs, with no duplicate and a sound file`, async () => {
    const path = `${tempDir()}/station.db`;
    const acknowledged: string[] = [];
    for (let cycle = 0; cycle < cycles; cycle += 1) acknowledged.push(...(await runAndKill(path)));
    expect(acknowledged.length).toBeGreaterThan(cycles * 5);

    const { db, startupEvents } = openDatabase(path, { key: testKey });
    expect(startupEvents).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set((db.prepare('SELECT id FROM passages').all() as { id: string }[]).map((row) => row.id));
    const missing = acknowledged.filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    const counts = db.prepare('SELECT count(*) AS rows, count(DISTINCT id) AS ids, (SELECT count(*) FROM outbox) AS outbox FROM passages').get();
    expect(counts).toEqual({ rows: stored.size, ids: stored.size, outbox: stored.size });
    db.close();
  }, 120_000);
});
