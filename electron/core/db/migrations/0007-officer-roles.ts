import type { Migration } from '../migrate';

/**
 * Who may do what: every officer has a role (an officer works the shift; a supervisor also
 * manages officers, settings, enrolment and unmasked exports), and a supervisor can disable an
 * officer without deleting the record the audit log names. Existing officers are officers: a
 * supervisor is made on purpose (the first-run setup, or `station officer add --role supervisor`).
 */
export const migration0007OfficerRoles: Migration = {
  version: 7,
  name: 'officer-roles',
  up(db) {
    db.exec(`
      ALTER TABLE officers ADD COLUMN role TEXT NOT NULL DEFAULT 'officer' CHECK (role IN ('officer', 'supervisor'));
      ALTER TABLE officers ADD COLUMN disabled_at TEXT;
    `);
  },
};
