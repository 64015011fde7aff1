import type { Migration } from './migrate';
import { subscriberPhoneOf } from '../population/phones';

/** The time a standing recorded without its own date (a seeded baseline) is taken to hold from. */
export const registerBeginning = '1970-01-01T00:00:00.000Z';

const statusCheck = (column: string): string => `CHECK (${column} IN ('quarantine', 'confirmed-case', 'wanted', 'denied-entry'))`;

const schema: Migration = {
  version: 1,
  name: 'register-stations-passages',
  up(db) {
    db.exec(`
      -- Secrets and tokens are stored as SHA-256 hashes: a copy of the database grants nothing.
      CREATE TABLE enrol_secrets (
        secret_hash TEXT PRIMARY KEY,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE stations (
        station_id    TEXT PRIMARY KEY,
        checkpoint_id TEXT NOT NULL,
        name          TEXT,
        token_hash    TEXT NOT NULL UNIQUE,
        enrolled_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE citizens (
        id_number   TEXT PRIMARY KEY,
        full_name   TEXT NOT NULL,
        -- foldForSearch(full_name): masked PC-Covid and BHYT codes are matched by name.
        name_folded TEXT NOT NULL,
        birth_date  TEXT NOT NULL,
        sex         TEXT NOT NULL CHECK (sex IN ('male', 'female'))
      ) STRICT;
      CREATE INDEX citizens_by_name ON citizens (name_folded, birth_date);

      CREATE TABLE citizen_statuses (
        id_number TEXT NOT NULL REFERENCES citizens (id_number),
        status    TEXT NOT NULL ${statusCheck('status')},
        PRIMARY KEY (id_number, status)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX citizen_statuses_by_status ON citizen_statuses (status);

      -- One row per ID ever listed; an unlisted row is a tombstone, so a delta can say "removed".
      CREATE TABLE deny_list (
        id_number TEXT PRIMARY KEY,
        reason    TEXT NOT NULL ${statusCheck('reason')},
        listed    INTEGER NOT NULL CHECK (listed IN (0, 1)),
        version   INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX deny_list_by_version ON deny_list (version);

      -- version: bumped by every change. horizon: deltas are complete only from this version on.
      CREATE TABLE deny_list_state (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        version   INTEGER NOT NULL,
        horizon   INTEGER NOT NULL
      ) STRICT;
      INSERT INTO deny_list_state VALUES (1, 0, 0);

      -- Kept after expiry: an offline scan is verified when it is uploaded, maybe days later.
      CREATE TABLE vneid_tokens (
        token_hash TEXT PRIMARY KEY,
        id_number  TEXT NOT NULL REFERENCES citizens (id_number),
        issued_at  TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE passages (
        id            TEXT PRIMARY KEY,
        uploaded_by   TEXT NOT NULL,
        received_at   TEXT NOT NULL,
        sequence      INTEGER NOT NULL,
        station_id    TEXT NOT NULL,
        checkpoint_id TEXT NOT NULL,
        lane_id       TEXT NOT NULL,
        direction     TEXT NOT NULL,
        code_kind     TEXT NOT NULL,
        id_number     TEXT,
        full_name     TEXT,
        birth_date    TEXT,
        sex           TEXT,
        vneid_token   TEXT,
        verdict       TEXT NOT NULL,
        reasons       TEXT NOT NULL,
        verification  TEXT NOT NULL,
        officer_id    TEXT,
        plate         TEXT,
        note          TEXT,
        scanned_at    TEXT NOT NULL,
        server_time   TEXT,
        -- The retroactive VNeID verdict, answered again to a duplicate upload whose first answer was lost.
        token_genuine INTEGER,
        token_denied  INTEGER,
        token_citizen TEXT
      ) STRICT;
      CREATE INDEX passages_by_station ON passages (station_id, sequence);

      CREATE TABLE poisoned_passages (passage_id TEXT PRIMARY KEY) STRICT;
    `);
  },
};

/** A station amends a passage (an officer's override, plate, note): the highest revision is kept. */
const amendments: Migration = {
  version: 2,
  name: 'passage-revisions',
  up(db) {
    db.exec(`
      ALTER TABLE passages ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE passages ADD COLUMN override_verdict TEXT;
      ALTER TABLE passages ADD COLUMN override_reason TEXT;
      ALTER TABLE passages ADD COLUMN override_officer_id TEXT;
      ALTER TABLE passages ADD COLUMN override_at TEXT;
    `);
  },
};

/**
 * Every offline decision is checked again at upload against the register *as it stood at the scan*:
 * the deny list and statuses keep their history. What is listed already counts from the register's
 * beginning. The VNeID-only token verdict becomes a retroactive check of any passage, kept as JSON
 * so a duplicate upload gets the same answer again.
 */
const standingHistory: Migration = {
  version: 3,
  name: 'standing-history-and-retro-checks',
  up(db) {
    db.exec(`
      CREATE TABLE standing_history (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        id_number   TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('deny-list', 'status')),
        value       TEXT NOT NULL ${statusCheck('value')},
        active      INTEGER NOT NULL CHECK (active IN (0, 1)),
        at          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX standing_history_by_person ON standing_history (id_number, at);
      INSERT INTO standing_history (id_number, kind, value, active, at)
        SELECT id_number, 'deny-list', reason, 1, '${registerBeginning}' FROM deny_list WHERE listed = 1;
      INSERT INTO standing_history (id_number, kind, value, active, at)
        SELECT id_number, 'status', status, 1, '${registerBeginning}' FROM citizen_statuses;

      ALTER TABLE passages ADD COLUMN retro_check TEXT;
      UPDATE passages SET retro_check = json_object(
          'match', CASE WHEN token_genuine = 1 THEN 'found' ELSE 'token-invalid' END,
          'denied', json(CASE WHEN token_denied = 1 THEN 'true' ELSE 'false' END),
          'quarantine', json('false'))
        WHERE token_genuine IS NOT NULL;
      ALTER TABLE passages DROP COLUMN token_genuine;
      ALTER TABLE passages DROP COLUMN token_denied;
      ALTER TABLE passages DROP COLUMN token_citizen;
    `);
  },
};

/**
 * An administrator's one-time enrolment codes, each for one station id and checkpoint: stored as
 * hashes, expiring, and kept once used (`used_at`) so a replayed code is told apart from a typo.
 */
const enrolmentCodes: Migration = {
  version: 4,
  name: 'enrolment-codes',
  up(db) {
    db.exec(`
      CREATE TABLE enrolment_codes (
        code_hash     TEXT PRIMARY KEY,
        station_id    TEXT NOT NULL,
        checkpoint_id TEXT NOT NULL,
        issued_at     TEXT NOT NULL,
        expires_at    TEXT NOT NULL,
        used_at       TEXT
      ) STRICT;
      CREATE INDEX enrolment_codes_by_station ON enrolment_codes (station_id);
    `);
  },
};

/**
 * The citizen app's side (citizen/): accounts with scrypt password hashes, registrations in
 * progress with their one-time code's hash, signed-in sessions by token hash, wrong sign-ins per
 * ID number typed (known or not, so a lock-out tells a stranger nothing), and the simulated SMS
 * outbox.
 */
const citizenAccounts: Migration = {
  version: 5,
  name: 'citizen-accounts',
  up(db) {
    db.exec(`
      CREATE TABLE citizen_accounts (
        id_number     TEXT PRIMARY KEY REFERENCES citizens (id_number),
        phone         TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        registered_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE citizen_registrations (
        registration_hash TEXT PRIMARY KEY,
        id_number         TEXT NOT NULL REFERENCES citizens (id_number),
        phone             TEXT NOT NULL,
        otp_hash          TEXT NOT NULL,
        otp_sent_at       TEXT NOT NULL,
        otp_expires_at    TEXT NOT NULL,
        resends           INTEGER NOT NULL DEFAULT 0,
        wrong_otps        INTEGER NOT NULL DEFAULT 0,
        verified_at       TEXT,
        expires_at        TEXT NOT NULL
      ) STRICT;

      CREATE TABLE citizen_sessions (
        token_hash TEXT PRIMARY KEY,
        id_number  TEXT NOT NULL REFERENCES citizen_accounts (id_number),
        expires_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE citizen_sign_in_failures (
        id_number    TEXT PRIMARY KEY,
        failures     INTEGER NOT NULL,
        locked_until TEXT
      ) STRICT;

      CREATE TABLE sms_outbox (
        id      INTEGER PRIMARY KEY,
        phone   TEXT NOT NULL,
        text    TEXT NOT NULL,
        sent_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

/**
 * The mobile carriers' subscriber register (which SIM is whose, "chính chủ"): a registration's
 * code goes only to a phone of the citizen's own, so a card's details alone register nobody.
 * Filled for the citizens already registered; seeding adds each new one's. And wrong sign-ins age
 * out (`last_failed_at`): a typo a month ago does not count towards today's lock-out.
 */
const phoneSubscriptions: Migration = {
  version: 6,
  name: 'phone-subscriptions',
  up(db) {
    db.exec(`
      CREATE TABLE phone_subscriptions (
        phone     TEXT PRIMARY KEY,
        id_number TEXT NOT NULL REFERENCES citizens (id_number)
      ) STRICT;
      CREATE INDEX phone_subscriptions_by_citizen ON phone_subscriptions (id_number);
      ALTER TABLE citizen_sign_in_failures ADD COLUMN last_failed_at TEXT;
    `);
    const subscribe = db.prepare('INSERT OR IGNORE INTO phone_subscriptions (phone, id_number) VALUES (?, ?)');
    for (const idNumber of db.prepare('SELECT id_number FROM citizens ORDER BY rowid').pluck().all() as string[]) subscribe.run(subscriberPhoneOf(idNumber), idNumber);
  },
};

/** In version order; append only. */
export const migrations: readonly Migration[] = [schema, amendments, standingHistory, enrolmentCodes, citizenAccounts, phoneSubscriptions];
