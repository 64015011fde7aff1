import Driver, { type Database } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';

/** A fresh in-memory database migrated up to and including `version`. */
function migratedTo(version: number): Database {
  const db = new Driver(':memory:');
  migrate(
    db,
    migrations.filter((migration) => migration.version <= version),
  );
  return db;
}

const tables = (db: Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map((row) => row.name);

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('0002 passages-and-outbox: passage and outbox, linked, with a name index that follows edits and deletes', () => {
    const db = migratedTo(2);
    expect(tables(db)).toEqual(expect.arrayContaining(['passages', 'outbox', 'passages_name_search']));
    db.pragma('foreign_keys = ON');
    const insert = db.prepare(`INSERT INTO passages (id, lane_id, code_kind, verdict, reasons, verification, checkpoint_id, direction, scanned_at, name_search)
      VALUES (?, 'lane-1', 'chip-card', 'pass', '[]', 'online', 'CP-01', 'entry', '2026-11-23T01:00:00.000Z', ?)`);
    insert.run('p-1', 'nguyen van dong');
    db.prepare("INSERT INTO outbox (passage_id, enqueued_at, next_attempt_at) VALUES ('p-1', 'x', 'x')").run();
    expect(() => db.prepare("INSERT INTO outbox (passage_id, enqueued_at, next_attempt_at) VALUES ('nope', 'x', 'x')").run()).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('p-1', 'again')).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare(`INSERT INTO passages (id, lane_id, code_kind, verdict, reasons, verification, checkpoint_id, direction, scanned_at)
        VALUES ('p-2', 'l', 'k', 'maybe', '[]', 'online', 'c', 'entry', 't')`).run(),
    ).toThrow(/CHECK/);

    const match = (text: string) => db.prepare('SELECT rowid FROM passages_name_search WHERE passages_name_search MATCH ?').all(`"${text}"`).length;
    expect(match('van do')).toBe(1);
    db.prepare("UPDATE passages SET name_search = 'tran thi mai' WHERE id = 'p-1'").run();
    expect(match('van do')).toBe(0);
    expect(match('thi ma')).toBe(1);
    db.prepare("DELETE FROM passages WHERE id = 'p-1'").run();
    expect(match('thi ma')).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });

  it('0002: sequence is never reused, even after the newest record is deleted', () => {
    const db = migratedTo(2);
    const insert = db.prepare(`INSERT INTO passages (id, lane_id, code_kind, verdict, reasons, verification, checkpoint_id, direction, scanned_at)
      VALUES (?, 'l', 'k', 'pass', '[]', 'online', 'c', 'entry', 't')`);
    const first = Number(insert.run('a').lastInsertRowid);
    db.prepare("DELETE FROM passages WHERE id = 'a'").run();
    expect(Number(insert.run('b').lastInsertRowid)).toBe(first + 1);
  });

  it('0003 audit-log: append-only, enforced by the database', () => {
    const db = migratedTo(3);
    db.prepare("INSERT INTO audit_log (at, actor, action) VALUES ('2026-11-23T00:00:00Z', 'officer:CB-1', 'officer.sign-in')").run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT actor FROM audit_log').get()).toEqual({ actor: 'officer:CB-1' });
  });

  it('0004 reference-data: one row per data set, with version and ETag', () => {
    const db = migratedTo(4);
    const upsert = db.prepare(`INSERT INTO reference_data (name, version, etag, fetched_at, body) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET version = excluded.version, etag = excluded.etag, fetched_at = excluded.fetched_at, body = excluded.body`);
    upsert.run('rules', '1', '"e1"', '2026-11-23T00:00:00Z', '{}');
    upsert.run('rules', '2', '"e2"', '2026-11-23T01:00:00Z', '{"v":2}');
    expect(db.prepare('SELECT name, version, etag FROM reference_data').all()).toEqual([{ name: 'rules', version: '2', etag: '"e2"' }]);
  });

  it('0005 officers-and-amendments: officers, a passage override and revision, the connectivity log, and indexes on the final verdict', () => {
    const db = migratedTo(4);
    db.prepare(`INSERT INTO passages (id, lane_id, code_kind, verdict, reasons, verification, checkpoint_id, direction, scanned_at)
      VALUES ('old', 'l', 'k', 'check', '[]', 'online', 'c', 'entry', '2026-11-23T01:00:00.000Z')`).run();
    migrate(db, migrations.filter((migration) => migration.version <= 5));
    expect(tables(db)).toEqual(expect.arrayContaining(['officers', 'connectivity_log']));
    // A passage recorded before the upgrade is revision 0 with no override.
    expect(db.prepare("SELECT revision, override_verdict FROM passages WHERE id = 'old'").get()).toEqual({ revision: 0, override_verdict: null });
    expect(() => db.prepare("UPDATE passages SET override_verdict = 'maybe' WHERE id = 'old'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE passages SET override_verdict = 'pass', override_reason = 'giấy tờ hợp lệ', override_officer_id = 'CB-1', override_at = 'x', revision = 1 WHERE id = 'old'").run();

    db.prepare("INSERT INTO officers (id, name, pin_hash, created_at) VALUES ('CB-1', 'Trần Văn Bình', 'h', '2026-11-23T00:00:00Z')").run();
    expect(db.prepare('SELECT failed_attempts, locked_until FROM officers').get()).toEqual({ failed_attempts: 0, locked_until: null });
    expect(() => db.prepare("INSERT INTO officers (id, name, pin_hash, created_at) VALUES ('CB-1', 'x', 'h', 'x')").run()).toThrow(/UNIQUE|PRIMARY/);

    db.prepare("INSERT INTO connectivity_log (at, state) VALUES ('2026-11-23T00:00:00Z', 'offline')").run();
    expect(() => db.prepare("INSERT INTO connectivity_log (at, state) VALUES ('x', 'unconfigured')").run()).toThrow(/CHECK/);

    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');
    expect(plan("SELECT id FROM passages WHERE coalesce(override_verdict, verdict) = 'pass' ORDER BY sequence DESC")).toMatch(/passages_by_final_verdict/);
    expect(plan("SELECT coalesce(override_verdict, verdict), count(*) FROM passages WHERE scanned_at >= 'a' AND scanned_at < 'b' GROUP BY 1")).toMatch(/COVERING INDEX passages_by_time/);
  });
});
