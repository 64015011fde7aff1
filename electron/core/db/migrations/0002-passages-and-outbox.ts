import type { Migration } from '../migrate';

/**
 * Pass-through records and the outbox that carries them to the central API. The passage id
 * (UUIDv7) is made by the station and is the sync idempotency key; `sequence` orders records
 * and is never reused (AUTOINCREMENT). Names are searched through a trigram index over a folded
 * copy (no diacritics), so "nguyen" finds "Nguyễn".
 */
export const migration0002PassagesAndOutbox: Migration = {
  version: 2,
  name: 'passages-and-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE passages (
        sequence        INTEGER PRIMARY KEY AUTOINCREMENT,
        id              TEXT NOT NULL UNIQUE,
        lane_id         TEXT NOT NULL,
        code_kind       TEXT NOT NULL,
        id_number       TEXT,
        full_name       TEXT,
        birth_date      TEXT,
        sex             TEXT CHECK (sex IN ('male', 'female')),
        raw_payload     TEXT,
        vneid_token     TEXT,
        verdict         TEXT NOT NULL CHECK (verdict IN ('pass', 'check', 'deny', 'invalid')),
        reasons         TEXT NOT NULL,
        verification    TEXT NOT NULL CHECK (verification IN ('online', 'offline')),
        officer_id      TEXT,
        checkpoint_id   TEXT NOT NULL,
        direction       TEXT NOT NULL CHECK (direction IN ('entry', 'exit', 'both')),
        scanned_at      TEXT NOT NULL,
        server_time     TEXT,
        plate           TEXT,
        plate_search    TEXT,
        note            TEXT,
        name_search     TEXT,
        sync_state      TEXT NOT NULL DEFAULT 'pending' CHECK (sync_state IN ('pending', 'synced', 'rejected')),
        sync_attempts   INTEGER NOT NULL DEFAULT 0,
        last_sync_error TEXT,
        synced_at       TEXT,
        -- For a VNeID code scanned offline: what the central API said once it could check it.
        retro_check     TEXT CHECK (retro_check IN ('genuine', 'not-genuine', 'denied'))
      ) STRICT;

      -- (scanned_at, verdict) covers the per-hour counts; (verdict, sequence) serves "today's denials" newest-first.
      CREATE INDEX passages_by_time ON passages (scanned_at, verdict);
      CREATE INDEX passages_by_id_number ON passages (id_number, scanned_at);
      CREATE INDEX passages_by_plate ON passages (plate_search, scanned_at);
      CREATE INDEX passages_by_verdict ON passages (verdict, sequence);
      CREATE INDEX passages_not_synced ON passages (sync_state, scanned_at) WHERE sync_state <> 'synced';
      CREATE INDEX passages_retro_alerts ON passages (retro_check) WHERE retro_check IN ('not-genuine', 'denied');

      CREATE TABLE outbox (
        sequence        INTEGER PRIMARY KEY AUTOINCREMENT,
        passage_id      TEXT NOT NULL UNIQUE REFERENCES passages (id) ON DELETE CASCADE,
        enqueued_at     TEXT NOT NULL,
        next_attempt_at TEXT NOT NULL
      ) STRICT;

      CREATE VIRTUAL TABLE passages_name_search USING fts5(
        name_search, content = 'passages', content_rowid = 'sequence', tokenize = 'trigram'
      );
      -- Deleted (purged) names leave the index at once instead of lingering until a merge.
      INSERT INTO passages_name_search (passages_name_search, rank) VALUES ('secure-delete', 1);
      CREATE TRIGGER passages_name_search_insert AFTER INSERT ON passages WHEN new.name_search IS NOT NULL BEGIN
        INSERT INTO passages_name_search (rowid, name_search) VALUES (new.sequence, new.name_search);
      END;
      CREATE TRIGGER passages_name_search_delete AFTER DELETE ON passages WHEN old.name_search IS NOT NULL BEGIN
        INSERT INTO passages_name_search (passages_name_search, rowid, name_search) VALUES ('delete', old.sequence, old.name_search);
      END;
      CREATE TRIGGER passages_name_search_update AFTER UPDATE OF name_search ON passages BEGIN
        INSERT INTO passages_name_search (passages_name_search, rowid, name_search)
          SELECT 'delete', old.sequence, old.name_search WHERE old.name_search IS NOT NULL;
        INSERT INTO passages_name_search (rowid, name_search)
          SELECT new.sequence, new.name_search WHERE new.name_search IS NOT NULL;
      END;
    `);
  },
};
