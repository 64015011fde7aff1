import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStationClient } from '../../../shared/contract/client';
import { createInMemoryTransport } from '../../../shared/contract/in-memory-transport';
import { stationConfigSchema } from '../../../shared/config/station-config';
import { closeDatabase, openDatabase, openDatabaseReadOnly } from '../../../electron/core/db/open-database';
import { createOfficerStore } from '../../../electron/core/officers/officer-store';
import { createStation } from '../../../electron/core/station';
import { listAudit } from '../../../electron/core/store/audit-log';
import { useClosing } from '../../helpers/enrolled-station';
import { samplePassageDraft, testKey } from '../../helpers/fixtures';
import { createMemoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const closing = useClosing();

/** A station whose only officer is supervisor SV-01, driven over the contract. */
function start() {
  const dataDir = tempDir();
  const database = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: testKey });
  createOfficerStore(database.db).add({ id: 'SV-01', name: 'Nguyễn Thị Lan', pin: '735182', role: 'supervisor' }, new Date());
  closeDatabase(database);
  const station = closing(createStation({ databaseDriver: nodeDatabaseDriver, config: stationConfigSchema.parse({}), dataDir, host: 'headless', logger: createMemoryLogger().logger, databaseKey: testKey, enrolment: null }));
  const client = createStationClient(createInMemoryTransport(station.router, station.events), () => undefined);
  const audit = () => {
    const db = openDatabaseReadOnly(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: testKey });
    try {
      return listAudit(db, { limit: 50 });
    } finally {
      db.close();
    }
  };
  return { station, client, audit, dataDir };
}

describe('officers managed in the app by a supervisor', () => {
  it('adds, disables, re-enables and sets a new PIN, each audited under the supervisor; the officer signs in accordingly', async () => {
    const { station, client, audit } = start();
    expect(await client.invoke('signIn', { officerId: 'SV-01', pin: '735182' })).toMatchObject({ ok: true, value: { role: 'supervisor' } });
    expect(await client.invoke('addOfficer', { id: 'CB-0042', name: 'Trần Văn Bình', role: 'officer', pin: '482916' })).toMatchObject({ ok: true, value: { id: 'CB-0042', role: 'officer', disabled: false } });
    expect(await client.invoke('addOfficer', { id: 'CB-0042', name: 'Someone else', role: 'officer', pin: '111111' })).toMatchObject({ ok: false, error: { code: 'invalid_input', reason: 'officer.exists' } });
    const listed = await client.invoke('listOfficers', undefined);
    expect(listed.ok && listed.value.map((officer) => [officer.id, officer.role])).toEqual([['CB-0042', 'officer'], ['SV-01', 'supervisor']]);
    expect(JSON.stringify(listed)).not.toMatch(/scrypt|482916/);

    expect(await client.invoke('updateOfficer', { id: 'CB-0042', disabled: true })).toMatchObject({ ok: true, value: { disabled: true } });
    expect(() => station.officers.signIn('CB-0042', '482916')).toThrow(/sign-in refused/);
    await client.invoke('updateOfficer', { id: 'CB-0042', disabled: false });
    // Five wrong PINs lock the id; a new PIN from the supervisor lifts the lock.
    station.officers.signOut();
    for (let attempt = 0; attempt < 5; attempt += 1) expect(() => station.officers.signIn('CB-0042', '000000')).toThrow();
    expect(() => station.officers.signIn('CB-0042', '482916')).toThrow();
    station.officers.signIn('SV-01', '735182');
    expect(await client.invoke('resetOfficerPin', { id: 'CB-0042', pin: '246810' })).toMatchObject({ ok: true, value: { lockedUntil: null } });
    station.officers.signOut();
    expect(station.officers.signIn('CB-0042', '246810')).toMatchObject({ officerId: 'CB-0042', role: 'officer' });

    const entries = audit().filter((entry) => entry.action.startsWith('officer.') && entry.action !== 'officer.sign-in' && entry.action !== 'officer.sign-out');
    expect(entries.map((entry) => [entry.action, entry.actor, entry.subject])).toEqual([
      ['officer.pin-reset', 'officer:SV-01', 'CB-0042'],
      ['officer.update', 'officer:SV-01', 'CB-0042'],
      ['officer.update', 'officer:SV-01', 'CB-0042'],
      ['officer.add', 'officer:SV-01', 'CB-0042'],
    ]);
    expect(JSON.stringify(audit())).not.toMatch(/246810|482916|735182/);
  });

  it('a fresh station creates its first supervisor from the screen, signed in at once; never a second time', async () => {
    const dataDir = tempDir();
    const station = closing(createStation({ databaseDriver: nodeDatabaseDriver, config: stationConfigSchema.parse({}), dataDir, host: 'headless', logger: createMemoryLogger().logger, databaseKey: testKey, enrolment: null }));
    const client = createStationClient(createInMemoryTransport(station.router, station.events), () => undefined);
    expect(station.status()).toMatchObject({ setupRequired: true, officer: null });
    expect(await client.invoke('createFirstSupervisor', { id: 'SV-01', name: 'Nguyễn Thị Lan', pin: '735182' })).toMatchObject({ ok: true, value: { officerId: 'SV-01', role: 'supervisor' } });
    expect(station.status()).toMatchObject({ setupRequired: false, officer: { officerId: 'SV-01', role: 'supervisor' } });
    // Whoever comes later, signed in or not, cannot use it to add a supervisor.
    station.officers.signOut();
    expect(await client.invoke('createFirstSupervisor', { id: 'SV-99', name: 'Kẻ lạ', pin: '111111' })).toMatchObject({ ok: false, error: { code: 'invalid_input', reason: 'setup.done' } });
    expect(() => station.officers.signIn('SV-99', '111111')).toThrow();
    expect(station.officers.signIn('SV-01', '735182')).toMatchObject({ role: 'supervisor' });
    const db = openDatabaseReadOnly(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: testKey });
    try {
      const entries = listAudit(db, { limit: 50 }).filter((entry) => entry.action === 'officer.first-supervisor');
      expect(entries).toMatchObject([{ actor: 'station', subject: 'SV-01' }]);
      expect(JSON.stringify(entries)).not.toContain('735182');
    } finally {
      db.close();
    }
  });

  it('a role change takes effect on the session at once; the last supervisor who can sign in cannot be removed', async () => {
    const { station, client } = start();
    station.officers.signIn('SV-01', '735182');
    await client.invoke('addOfficer', { id: 'SV-02', name: 'Lê Văn Tâm', role: 'supervisor', pin: '135790' });
    expect(await client.invoke('updateOfficer', { id: 'SV-02', role: 'officer' })).toMatchObject({ ok: true });
    expect(await client.invoke('updateOfficer', { id: 'SV-01', role: 'officer' })).toMatchObject({ ok: false, error: { reason: 'officer.last-supervisor' } });
    expect(await client.invoke('updateOfficer', { id: 'SV-01', disabled: true })).toMatchObject({ ok: false, error: { reason: 'officer.last-supervisor' } });
    await client.invoke('updateOfficer', { id: 'SV-02', role: 'supervisor' });
    // Demoting oneself: the session is an officer's from the next command on.
    expect(await client.invoke('updateOfficer', { id: 'SV-01', role: 'officer' })).toMatchObject({ ok: true });
    expect(station.officers.current()).toMatchObject({ officerId: 'SV-01', role: 'officer' });
    expect(await client.invoke('listOfficers', undefined)).toMatchObject({ ok: false, error: { reason: 'role.supervisor-required' } });
  });

  it('exports unmasked only for a supervisor, audited under whoever is signed in, whatever the input says', async () => {
    const { station, client, audit } = start();
    station.officers.signIn('SV-01', '735182');
    await client.invoke('addOfficer', { id: 'CB-0042', name: 'Trần Văn Bình', role: 'officer', pin: '482916' });
    station.officers.signOut();
    station.officers.signIn('CB-0042', '482916');
    station.store.record(samplePassageDraft());
    const range = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z', format: 'csv' } as const;
    expect(await client.invoke('exportPassages', { ...range, unmasked: true })).toMatchObject({ ok: false, error: { code: 'unauthorized', reason: 'role.supervisor-required' } });
    // A caller-chosen officer id is not part of the contract any more: it is dropped, never audited.
    const masked = await client.invoke('exportPassages', { ...range, officerId: 'chief-inspector' } as never);
    expect(masked).toMatchObject({ ok: true, value: { rows: 1 } });
    station.officers.signOut();
    station.officers.signIn('SV-01', '735182');
    expect(await client.invoke('exportPassages', { ...range, unmasked: true })).toMatchObject({ ok: true, value: { rows: 1 } });
    const exports = audit().filter((entry) => entry.action.startsWith('export'));
    expect(exports.map((entry) => [entry.action, entry.actor])).toEqual([
      ['export.unmasked', 'officer:SV-01'],
      ['export', 'officer:CB-0042'],
    ]);
  });
});
