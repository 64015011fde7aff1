import { randomInt } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CommandError } from '../../../shared/contract/router';
import type { OfficerSession } from '../../../shared/records/officer';
import { appendAudit } from '../store/audit-log';
import { createOfficerStore } from './officer-store';
import { decoyPinHash, verifyPin } from './pin-hash';

export interface OfficerSessions {
  /** Checks the PIN; a failure of any kind is `unauthorized` with the same message. Audited either way. */
  signIn(officerId: string, pin: string): OfficerSession;
  /**
   * Signs in the demo officer without a PIN, creating it (with a random PIN nobody knows) if missing:
   * `station serve --demo-officer`, for unattended demos and tests. Audited as unattended.
   */
  startDemoShift(): OfficerSession;
  signOut(): boolean;
  current(): OfficerSession | null;
  refresh(officerId: string): void;
  /** The shift goes on after the database was replaced (found damaged), if the officer came over with it. */
  resume(previous: OfficerSession): void;
  /** The officer on shift, or `unauthorized` for an action only an officer may take. */
  require(): OfficerSession;
}

/**
 * The embedded demo runs the whole station, so its officer is a supervisor (developer builds only:
 * a packaged app ignores --demo-officer). The badge shows the id "demo" beside the name, which so
 * does not repeat it.
 */
export const demoOfficer = { id: 'demo', name: 'Cán bộ trực', role: 'supervisor' } as const;

/** Says neither whether the id exists nor whether it is locked: that would help someone guessing. */
const refused = 'sign-in refused: check the officer id and PIN (after 5 wrong PINs the id is locked for 5 minutes)';

/**
 * Who is on shift. The session lives in memory only: a restart means signing in again. Every
 * sign-in, refusal and sign-out goes to the audit log (never the PIN).
 */
export function createOfficerSessions(db: Database, options: { onChange(): void; now?: () => Date }): OfficerSessions {
  const officers = createOfficerStore(db);
  const now = options.now ?? (() => new Date());
  let session: OfficerSession | null = null;

  function audit(officerId: string, action: 'officer.sign-in' | 'officer.sign-out', details: Record<string, unknown>, at: Date): void {
    appendAudit(db, { actor: `officer:${officerId}`, action, subject: officerId, details, at });
  }

  function start(officer: { id: string; name: string; role: OfficerSession['role'] }, at: Date, details: Record<string, unknown>): OfficerSession {
    if (session !== null) audit(session.officerId, 'officer.sign-out', { reason: 'replaced' }, at);
    const officerId = officer.id;
    session = { officerId, name: officer.name, role: officer.role, signedInAt: at.toISOString() };
    audit(officerId, 'officer.sign-in', details, at);
    options.onChange();
    return session;
  }

  function refuse(officerId: string, reason: string, at: Date): never {
    audit(officerId, 'officer.sign-in', { outcome: 'refused', reason }, at);
    throw new CommandError('unauthorized', refused);
  }

  return {
    signIn(officerId, pin) {
      const at = now();
      const officer = officers.find(officerId);
      // Hash even for an unknown id, so the answer takes as long either way.
      const pinMatches = verifyPin(pin, officer?.pin_hash ?? decoyPinHash());
      if (officer === undefined) return refuse(officerId, 'unknown-officer', at);
      if (officer.disabled_at !== null) return refuse(officerId, 'disabled', at);
      if (officer.locked_until !== null && officer.locked_until > at.toISOString()) return refuse(officerId, 'locked', at);
      if (!pinMatches) return refuse(officerId, officers.noteWrongPin(officerId, at) ? 'wrong-pin-locked' : 'wrong-pin', at);
      officers.noteSuccess(officerId);
      return start(officer, at, { outcome: 'signed-in' });
    },
    startDemoShift() {
      const at = now();
      officers.add({ ...demoOfficer, pin: String(randomInt(10 ** 7, 10 ** 8)) }, at);
      return start(officers.find(demoOfficer.id) ?? demoOfficer, at, { outcome: 'signed-in', unattended: true });
    },
    signOut() {
      if (session === null) return false;
      audit(session.officerId, 'officer.sign-out', {}, now());
      session = null;
      options.onChange();
      return true;
    },
    current: () => session,
    resume(previous) {
      const officer = officers.find(previous.officerId);
      if (officer === undefined || officer.disabled_at !== null) return;
      session = { ...previous, role: officer.role, name: officer.name };
      options.onChange();
    },
    /** After a supervisor changed an officer: the one on shift keeps the session only as they now are. */
    refresh(officerId: string) {
      if (session?.officerId !== officerId) return;
      const officer = officers.find(officerId);
      if (officer === undefined || officer.disabled_at !== null) {
        audit(officerId, 'officer.sign-out', { reason: 'disabled' }, now());
        session = null;
      } else session = { ...session, role: officer.role, name: officer.name };
      options.onChange();
    },
    require() {
      if (session === null) throw new CommandError('unauthorized', 'an officer must be signed in');
      return session;
    },
  };
}
