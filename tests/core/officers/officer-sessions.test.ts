import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { createOfficerSessions, demoOfficer } from '../../../electron/core/officers/officer-sessions';
import { createOfficerStore, lockoutMs } from '../../../electron/core/officers/officer-store';
import { hashPin, verifyPin } from '../../../electron/core/officers/pin-hash';
import { listAudit } from '../../../electron/core/store/audit-log';
import { CommandError } from '../../../shared/contract/router';
import { testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();

function setUp() {
  const { db } = openDatabase(`${tempDir()}/station.db`, { driver: nodeDatabaseDriver, key: testKey });
  let now = new Date('2026-11-23T00:00:00.000Z');
  const onChange = vi.fn();
  createOfficerStore(db).add({ id: 'CB-0042', name: 'Trần Văn Bình', pin: '482916', role: 'officer' }, now);
  const sessions = createOfficerSessions(db, { onChange, now: () => now });
  const advance = (ms: number) => (now = new Date(now.getTime() + ms));
  return { db, sessions, onChange, advance };
}

/** The CommandError a call throws. */
function refusal(run: () => unknown): CommandError {
  try {
    run();
  } catch (error) {
    if (error instanceof CommandError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('PIN hashes', () => {
  it('are salted scrypt: two hashes of one PIN differ, each verifies it and nothing else', () => {
    const first = hashPin('1234');
    const second = hashPin('1234');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[\w+/=]+\$[\w+/=]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('1234');
    expect(verifyPin('1234', first) && verifyPin('1234', second)).toBe(true);
    expect(verifyPin('1235', first)).toBe(false);
    expect(verifyPin('1234', 'garbage')).toBe(false);
    expect(verifyPin('1234', 'scrypt$16384$8$1$c2FsdA==$')).toBe(false);
  });
});

describe('officer sign-in', () => {
  it('signs in with the right PIN, reports the session and audits it without the PIN', () => {
    const { db, sessions, onChange } = setUp();
    expect(sessions.current()).toBeNull();
    expect(sessions.signIn('CB-0042', '482916')).toEqual({ officerId: 'CB-0042', name: 'Trần Văn Bình', role: 'officer', signedInAt: '2026-11-23T00:00:00.000Z' });
    expect(sessions.current()?.officerId).toBe('CB-0042');
    expect(sessions.require().officerId).toBe('CB-0042');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(sessions.signOut()).toBe(true);
    expect(sessions.signOut()).toBe(false);
    expect(sessions.current()).toBeNull();
    expect(onChange).toHaveBeenCalledTimes(2);
    const audit = listAudit(db, { limit: 10 });
    expect(audit.map((entry) => [entry.action, entry.actor, entry.subject])).toEqual([
      ['officer.sign-out', 'officer:CB-0042', 'CB-0042'],
      ['officer.sign-in', 'officer:CB-0042', 'CB-0042'],
    ]);
    expect(JSON.stringify(audit)).not.toContain('482916');
  });

  it('refuses an unknown id and a wrong PIN with the same message, and audits both', () => {
    const { db, sessions } = setUp();
    const unknown = refusal(() => sessions.signIn('CB-9999', '482916'));
    const wrong = refusal(() => sessions.signIn('CB-0042', '000000'));
    expect(unknown.code).toBe('unauthorized');
    expect(wrong.code).toBe('unauthorized');
    expect(unknown.message).toBe(wrong.message);
    expect(sessions.current()).toBeNull();
    expect(() => sessions.require()).toThrow(CommandError);
    const audit = listAudit(db, { limit: 10 });
    expect(audit.map((entry) => entry.details)).toEqual([
      { outcome: 'refused', reason: 'wrong-pin' },
      { outcome: 'refused', reason: 'unknown-officer' },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/000000|482916/);
  });

  it('locks the id for five minutes after five wrong PINs in a row, even against the right PIN', () => {
    const { db, sessions, advance } = setUp();
    for (let attempt = 0; attempt < 4; attempt += 1) refusal(() => sessions.signIn('CB-0042', '111111'));
    // A success in between resets the count.
    sessions.signIn('CB-0042', '482916');
    for (let attempt = 0; attempt < 4; attempt += 1) refusal(() => sessions.signIn('CB-0042', '111111'));
    expect(sessions.signIn('CB-0042', '482916').officerId).toBe('CB-0042');
    sessions.signOut();

    for (let attempt = 0; attempt < 5; attempt += 1) refusal(() => sessions.signIn('CB-0042', '111111'));
    expect(refusal(() => sessions.signIn('CB-0042', '482916')).code).toBe('unauthorized');
    expect(listAudit(db, { limit: 2 }).map((entry) => entry.details.reason)).toEqual(['locked', 'wrong-pin-locked']);
    advance(lockoutMs - 1000);
    expect(refusal(() => sessions.signIn('CB-0042', '482916')).code).toBe('unauthorized');
    advance(1000);
    expect(sessions.signIn('CB-0042', '482916').officerId).toBe('CB-0042');
  });

  it('a second sign-in replaces the first, which is audited as signed out', () => {
    const { db, sessions } = setUp();
    createOfficerStore(db).add({ id: 'CB-0043', name: 'Lê Thị Hoa', pin: '1357', role: 'officer' }, new Date());
    sessions.signIn('CB-0042', '482916');
    sessions.signIn('CB-0043', '1357');
    expect(sessions.current()?.officerId).toBe('CB-0043');
    expect(listAudit(db, { limit: 3 }).map((entry) => [entry.action, entry.actor])).toEqual([
      ['officer.sign-in', 'officer:CB-0043'],
      ['officer.sign-out', 'officer:CB-0042'],
      ['officer.sign-in', 'officer:CB-0042'],
    ]);
  });

  it('starts the demo shift without a PIN, creating the demo officer once', () => {
    const { db, sessions } = setUp();
    expect(sessions.startDemoShift()).toMatchObject({ officerId: 'demo', name: demoOfficer.name });
    const firstHash = createOfficerStore(db).find('demo')?.pin_hash;
    sessions.startDemoShift();
    expect(createOfficerStore(db).find('demo')?.pin_hash).toBe(firstHash);
    expect(listAudit(db, { limit: 1 })[0]?.details).toEqual({ outcome: 'signed-in', unattended: true });
  });

  it('refuses to add an officer id twice', () => {
    const { db } = setUp();
    expect(createOfficerStore(db).add({ id: 'CB-0042', name: 'Someone else', pin: '9999', role: 'officer' }, new Date())).toBe(false);
    expect(createOfficerStore(db).find('CB-0042')?.name).toBe('Trần Văn Bình');
  });
});
