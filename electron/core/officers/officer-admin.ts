import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CommandError } from '../../../shared/contract/router';
import type { OfficerRole, OfficerView } from '../../../shared/records/officer';
import { appendAudit } from '../store/audit-log';
import { createOfficerStore, officerView } from './officer-store';

export interface OfficerChange {
  role?: OfficerRole;
  disabled?: boolean;
}

/**
 * A supervisor manages the station's officers: adds them, changes their role, disables them and
 * sets a new PIN. Every change is audited under the supervisor's id (the PIN never). The station
 * always keeps one supervisor who can still sign in.
 */
export function createOfficerAdmin(db: Database) {
  const officers = createOfficerStore(db);

  function existing(id: string) {
    const officer = officers.find(id);
    if (officer === undefined) throw new CommandError('invalid_input', `no officer ${id}`, 'officer.unknown');
    return officer;
  }

  return {
    needsFirstSupervisor: (): boolean => officers.count() === 0,
    /** The first run's supervisor: only while there is no officer at all, so it can add nobody later. */
    addFirstSupervisor: db.transaction((officer: { id: string; name: string; pin: string }, at: Date): OfficerView => {
      if (officers.count() > 0) throw new CommandError('invalid_input', 'this station is set up already: a supervisor adds officers', 'setup.done');
      officers.add({ ...officer, role: 'supervisor' }, at);
      appendAudit(db, { actor: 'station', action: 'officer.first-supervisor', subject: officer.id, details: { role: 'supervisor' }, at });
      return officerView(existing(officer.id));
    }),
    list: (): OfficerView[] => officers.list().map(officerView),
    add: db.transaction((officer: { id: string; name: string; role: OfficerRole; pin: string }, by: string, at: Date): OfficerView => {
      if (!officers.add(officer, at)) throw new CommandError('invalid_input', `officer ${officer.id} exists already`, 'officer.exists');
      appendAudit(db, { actor: `officer:${by}`, action: 'officer.add', subject: officer.id, details: { role: officer.role }, at });
      return officerView(existing(officer.id));
    }),
    update: db.transaction((id: string, change: OfficerChange, by: string, at: Date): OfficerView => {
      const before = existing(id);
      const losesSupervisor = before.role === 'supervisor' && before.disabled_at === null && (change.role === 'officer' || change.disabled === true);
      if (losesSupervisor && officers.activeSupervisors() <= 1) throw new CommandError('invalid_input', 'the station must keep one supervisor who can sign in', 'officer.last-supervisor');
      if (change.role !== undefined) officers.setRole(id, change.role);
      if (change.disabled !== undefined) officers.setDisabled(id, change.disabled ? (before.disabled_at === null ? at : new Date(before.disabled_at)) : null);
      appendAudit(db, { actor: `officer:${by}`, action: 'officer.update', subject: id, details: { ...change }, at });
      return officerView(existing(id));
    }),
    resetPin: db.transaction((id: string, pin: string, by: string, at: Date): OfficerView => {
      existing(id);
      officers.resetPin(id, pin);
      appendAudit(db, { actor: `officer:${by}`, action: 'officer.pin-reset', subject: id, at });
      return officerView(existing(id));
    }),
  };
}

export type OfficerAdmin = ReturnType<typeof createOfficerAdmin>;
