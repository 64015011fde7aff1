// Record store benchmark (issue 5): durable commits per second, history search on a large
// database, start-up time with it, and an XLSX export. Figures are printed, not asserted.
// Size: STORE_BENCH_PASSAGES (default 1,000,000).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import { closeDatabase, openDatabase } from '../electron/core/db/open-database';
import type { DatabaseKey } from '../electron/core/db/database-key';
import { exportPassages } from '../electron/core/export/export-passages';
import { countPassagesPerHour, searchPassages } from '../electron/core/store/passage-queries';
import { createPassageStore } from '../electron/core/store/passage-store';
import { foldForSearch, normalisePlate } from '../shared/text/search-fold';
import type { PassageDraft } from '../shared/records/passage';
import type { PassageSearch } from '../shared/records/passage-query';
import { nodeDatabaseDriver } from '../electron/core/node-platform';

const totalPassages = Number(process.env.STORE_BENCH_PASSAGES ?? 1_000_000);
const key = 'c3'.repeat(32) as DatabaseKey;
const folder = mkdtempSync(join(tmpdir(), 'store-bench-'));
const path = join(folder, 'station.db');

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const middleNames = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Hoài', 'Xuân'];
const givenNames = ['An', 'Bình', 'Cường', 'Dũng', 'Đông', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Huyền', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Phong', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Trang', 'Tuấn', 'Vy', 'Yến'];
const verdicts = ['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'check', 'check', 'deny', 'invalid'] as const;
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const digits = (count: number) => Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');

function randomDraft(): PassageDraft {
  const year = 1940 + Math.floor(Math.random() * 66);
  const female = Math.random() < 0.5;
  return {
    laneId: pick(['lane-1', 'lane-2', 'lane-3', 'lane-4']),
    codeKind: pick(['chip-card', 'can-cuoc-card', 'vneid-token', 'paper-declaration']),
    identity: {
      idNumber: `0${digits(2)}${(year >= 2000 ? 2 : 0) + (female ? 1 : 0)}${String(year % 100).padStart(2, '0')}${digits(6)}`,
      fullName: `${pick(familyNames)} ${female ? 'Thị' : pick(middleNames)} ${pick(givenNames)}`,
      birthDate: `${year}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
      sex: female ? 'female' : 'male',
    },
    rawPayload: null,
    vneidToken: null,
    verdict: pick(verdicts),
    reasons: [],
    verification: Math.random() < 0.7 ? 'online' : 'offline',
    officerId: `CB-${digits(4)}`,
    plate: Math.random() < 0.6 ? `${digits(2)}${pick(['A', 'B', 'C', 'D', 'F', 'G', 'H', 'K'])}-${digits(3)}.${digits(2)}` : null,
    note: null,
  };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
const rows: [string, string, string][] = [];

// 1. Durable single-passage commits: each record its own transaction, synchronous=FULL.
{
  const { db } = openDatabase(join(folder, 'commits.db'), { driver: nodeDatabaseDriver, key });
  const store = createPassageStore(db, { checkpointId: 'CP-01', direction: 'entry', keepRawPayload: false, clock: { now: () => new Date(), serverOffsetMs: () => null } });
  const count = 5000;
  const start = performance.now();
  for (let i = 0; i < count; i += 1) store.record(randomDraft());
  const seconds = (performance.now() - start) / 1000;
  rows.push(['durable single-passage commits', `${Math.round(count / seconds)} /s`, '≥ 2,000 /s']);
  db.close();
}

// 2. A database of `totalPassages` spread over the retention period (21 days), newest last. Built
// with batched raw inserts and one name-index rebuild: this is set-up, not what is measured.
const end = Date.parse('2026-11-23T10:00:00.000Z');
const spanMs = 21 * 86_400_000;
{
  const opened = openDatabase(path, { driver: nodeDatabaseDriver, key });
  const { db } = opened;
  const start = performance.now();
  const nameTrigger = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'passages_name_search_insert'").get() as { sql: string }).sql;
  db.exec('DROP TRIGGER passages_name_search_insert');
  const insert = db.prepare(`INSERT INTO passages (id, lane_id, code_kind, id_number, full_name, birth_date, sex, verdict, reasons,
    verification, officer_id, checkpoint_id, direction, scanned_at, server_time, plate, plate_search, name_search, sync_state)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, 'CP-01', 'entry', ?, ?, ?, ?, ?, ?)`);
  const syncedBefore = end - 86_400_000;
  const batch = db.transaction((from: number, size: number) => {
    for (let i = from; i < from + size; i += 1) {
      const draft = randomDraft();
      const at = end - spanMs + (i * spanMs) / totalPassages;
      const iso = new Date(at).toISOString();
      insert.run(uuidv7({ msecs: at }), draft.laneId, draft.codeKind, draft.identity.idNumber, draft.identity.fullName, draft.identity.birthDate,
        draft.identity.sex, draft.verdict, draft.verification, draft.officerId, iso, iso, draft.plate, draft.plate === null ? null : normalisePlate(draft.plate),
        foldForSearch(draft.identity.fullName ?? ''), at < syncedBefore ? 'synced' : 'pending');
    }
  });
  for (let done = 0; done < totalPassages; done += 20_000) batch(done, Math.min(20_000, totalPassages - done));
  db.exec("INSERT INTO outbox (passage_id, enqueued_at, next_attempt_at) SELECT id, scanned_at, scanned_at FROM passages WHERE sync_state = 'pending'");
  db.exec("INSERT INTO passages_name_search (passages_name_search) VALUES ('rebuild')");
  db.exec(nameTrigger);
  closeDatabase(opened);
  rows.push([`build ${totalPassages.toLocaleString('en')} passages (set-up)`, `${((performance.now() - start) / 1000).toFixed(1)} s`, `${(statSync(path).size / 1e6).toFixed(0)} MB file`]);
}

// 3. Start-up with that database: open, key check, migrations; after a crash also quick_check.
let db: Database;
{
  let start = performance.now();
  const opened = openDatabase(path, { driver: nodeDatabaseDriver, key });
  rows.push(['start-up after a clean shutdown', fmt(performance.now() - start), '≤ 1,500 ms']);
  opened.db.close(); // as a crash would: no clean-shutdown mark
  start = performance.now();
  db = openDatabase(path, { driver: nodeDatabaseDriver, key }).db;
  rows.push(['start-up after a crash (+ full quick_check)', fmt(performance.now() - start), 'not targeted: only after a crash']);
}

// 4. History searches the screen makes, mixed, on the full database.
{
  const today = new Date(end - 86_400_000).toISOString();
  const someIds = (db.prepare('SELECT id_number FROM passages ORDER BY random() LIMIT 50').all() as { id_number: string }[]).map((row) => row.id_number);
  const somePlates = (db.prepare('SELECT plate FROM passages WHERE plate IS NOT NULL ORDER BY random() LIMIT 50').all() as { plate: string }[]).map((row) => row.plate);
  const searches: [string, () => PassageSearch][] = [
    ['ID number', () => ({ idNumber: pick(someIds) })],
    ['name fragment, common ("nguyen van")', () => ({ name: 'nguyen van' })],
    ['name fragment, rare', () => ({ name: `${pick(givenNames)} ${pick(givenNames)}`.toLowerCase() })],
    ['plate', () => ({ plate: pick(somePlates) })],
    ["today's passages", () => ({ from: today })],
    ['verdict today', () => ({ verdict: pick(verdicts), from: today })],
    ['name + time range', () => ({ name: pick(givenNames), from: today })],
  ];
  const all: number[] = [];
  for (const [name, make] of searches) {
    const samples: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const start = performance.now();
      searchPassages(db, make());
      samples.push(performance.now() - start);
    }
    all.push(...samples);
    rows.push([`search: ${name}`, `p50 ${fmt(percentile(samples, 50))}, p95 ${fmt(percentile(samples, 95))}`, '']);
  }
  rows.push(['search: all kinds together', `p95 ${fmt(percentile(all, 95))}`, 'p95 ≤ 50 ms']);
  const start = performance.now();
  countPassagesPerHour(db, { from: today, to: new Date(end).toISOString(), utcOffsetMinutes: 420 });
  rows.push(["per-hour counts for today's shift", fmt(performance.now() - start), '']);
}

// 5. Export of 100,000 passages to XLSX, streamed.
{
  const sequenceFrom = (db.prepare('SELECT scanned_at FROM passages ORDER BY sequence DESC LIMIT 1 OFFSET 99999').get() as { scanned_at: string }).scanned_at;
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const start = performance.now();
  const { rows: exported } = await exportPassages(db, { from: sequenceFrom, to: new Date(end + 1).toISOString(), format: 'xlsx', unmasked: false, actor: 'station' }, join(folder, 'export.xlsx'));
  clearInterval(sampler);
  rows.push([`export ${exported.toLocaleString('en')} passages to XLSX`, `${((performance.now() - start) / 1000).toFixed(1)} s`, `peak RSS +${((peakRss - rssBefore) / 1e6).toFixed(0)} MB`]);
}
db.close();
rmSync(folder, { recursive: true, force: true });

console.log('\n## Record store (issue 5)\n');
console.log('| measure | result | target / note |\n|---|---|---|');
for (const [measure, result, target] of rows) console.log(`| ${measure} | ${result} | ${target} |`);
