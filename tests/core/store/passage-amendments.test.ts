import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { listAudit } from '../../../electron/core/store/audit-log';
import { createPassageAmendments } from '../../../electron/core/store/passage-amendments';
import { createPassageAlerts } from '../../../electron/core/store/passage-alerts';
import { createPassageStore } from '../../../electron/core/store/passage-store';
import { createOutbox } from '../../../electron/core/sync/outbox';
import { CommandError } from '../../../shared/contract/router';
import { samplePassageDraft, testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const at = new Date('2026-11-23T01:00:00.000Z');

function setUp() {
  const { db } = openDatabase(`${tempDir()}/station.db`, { driver: nodeDatabaseDriver, key: testKey });
  const store = createPassageStore(db, { checkpointId: 'CP-01', direction: 'entry', keepRawPayload: false, clock: { now: () => new Date('2026-11-23T00:00:00.000Z'), serverOffsetMs: () => null } });
  const outbox = createOutbox(db, 'CP-01-A', createPassageAlerts(db));
  const passage = store.record(samplePassageDraft({ verdict: 'deny', plate: null, note: null }));
  const queued = () => (db.prepare('SELECT passage_id FROM outbox').pluck().all() as string[]);
  const syncState = () => store.get(passage.id)?.syncState;
  /** The central API accepted revision `revision`. */
  const synced = (revision: number) => outbox.settle([{ id: passage.id, status: 'accepted' }], new Map([[passage.id, revision]]), at);
  return { db, store, outbox, passage, amendments: createPassageAmendments(db), queued, syncState, synced };
}

describe('passage amendments', () => {
  it('an override keeps the station’s verdict, bumps the revision and audits from/to without the reason text', () => {
    const { db, passage, amendments } = setUp();
    const overridden = amendments.override(passage.id, { verdict: 'pass', reason: 'Đinh Thị Huyền có giấy đi đường' }, 'CB-0042', at);
    expect(overridden).toMatchObject({ verdict: 'deny', revision: 1, override: { verdict: 'pass', reason: 'Đinh Thị Huyền có giấy đi đường', officerId: 'CB-0042', at: at.toISOString() } });
    const again = amendments.override(passage.id, { verdict: 'check', reason: 'cần xem lại' }, 'CB-0043', at);
    expect(again).toMatchObject({ verdict: 'deny', revision: 2, override: { verdict: 'check', officerId: 'CB-0043' } });
    const audit = listAudit(db, { limit: 5, action: 'passage.override' });
    expect(audit.map((entry) => [entry.actor, entry.subject, entry.details])).toEqual([
      ['officer:CB-0043', passage.id, { from: 'pass', to: 'check', stationVerdict: 'deny' }],
      ['officer:CB-0042', passage.id, { from: 'deny', to: 'pass', stationVerdict: 'deny' }],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Huyền|giấy|xem lại/);
  });

  it('an annotation changes plate and note, audits only the names of the changed fields, and does nothing when nothing changed', () => {
    const { db, store, passage, amendments } = setUp();
    const annotated = amendments.annotate(passage.id, { plate: '29A-123.45', note: 'xe chở hàng của Nguyễn Văn Đông' }, 'CB-0042', at);
    expect(annotated).toMatchObject({ plate: '29A-123.45', note: 'xe chở hàng của Nguyễn Văn Đông', revision: 1 });
    expect(amendments.annotate(passage.id, { plate: '29A-123.45', note: '' }, 'CB-0042', at)).toMatchObject({ note: null, revision: 2 });
    expect(amendments.annotate(passage.id, { plate: '29A-123.45', note: null }, 'CB-0042', at).revision).toBe(2);
    const audit = listAudit(db, { limit: 5, action: 'passage.amend' });
    expect(audit.map((entry) => entry.details)).toEqual([{ changed: ['note'] }, { changed: ['plate', 'note'] }]);
    expect(JSON.stringify(audit)).not.toMatch(/29A|Đông|hàng/);
    // The plate search follows the new plate.
    expect(store.get(passage.id)?.plate).toBe('29A-123.45');
    expect(db.prepare('SELECT plate_search FROM passages WHERE id = ?').pluck().get(passage.id)).toBe('29A12345');
  });

  it('puts a synced passage back in the outbox, pending, in the same transaction', () => {
    const { passage, amendments, queued, syncState, synced } = setUp();
    synced(0);
    expect([queued(), syncState()]).toEqual([[], 'synced']);
    amendments.override(passage.id, { verdict: 'pass', reason: 'đã xác minh' }, 'CB-0042', at);
    expect([queued(), syncState()]).toEqual([[passage.id], 'pending']);
    // Still queued: a second amendment leaves one outbox entry.
    amendments.annotate(passage.id, { plate: '29A-123.45', note: null }, 'CB-0042', at);
    expect(queued()).toEqual([passage.id]);
  });

  it('uploads the revision and the override; an answer about an older revision leaves the newer one queued', () => {
    const { passage, outbox, amendments, queued, syncState, synced } = setUp();
    const [sent] = outbox.takeDue(new Date('2100-01-01T00:00:00.000Z'), 10);
    expect(sent).toMatchObject({ id: passage.id, revision: 0, override: null, verdict: 'deny' });
    // The officer overrides while revision 0 is on its way.
    amendments.override(passage.id, { verdict: 'pass', reason: 'đã xác minh' }, 'CB-0042', at);
    expect(synced(0)).toMatchObject({ accepted: 0, superseded: 1 });
    expect([queued(), syncState()]).toEqual([[passage.id], 'pending']);
    const [resent] = outbox.takeDue(new Date('2100-01-01T00:00:00.000Z'), 10);
    expect(resent).toMatchObject({ revision: 1, verdict: 'deny', override: { verdict: 'pass', reason: 'đã xác minh', officerId: 'CB-0042', at: at.toISOString() } });
    expect(synced(1)).toMatchObject({ accepted: 1, superseded: 0 });
    expect([queued(), syncState()]).toEqual([[], 'synced']);
  });

  it('an unknown passage id is invalid input, and changes nothing', () => {
    const { db, amendments } = setUp();
    const unknown = '01937a4e-0000-7000-8000-00000000dead';
    expect(() => amendments.override(unknown, { verdict: 'pass', reason: 'không có' }, 'CB-0042', at)).toThrow(CommandError);
    expect(() => amendments.annotate(unknown, { plate: null, note: 'x' }, 'CB-0042', at)).toThrow(/no passage/);
    expect(listAudit(db, { limit: 5 }).filter((entry) => entry.action.startsWith('passage.'))).toEqual([]);
  });
});
