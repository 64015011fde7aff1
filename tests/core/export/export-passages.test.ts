import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { exportPassages } from '../../../electron/core/export/export-passages';
import { listAudit } from '../../../electron/core/store/audit-log';
import { createPassageAmendments } from '../../../electron/core/store/passage-amendments';
import { createPassageStore } from '../../../electron/core/store/passage-store';
import { samplePassageDraft, testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';
import { readXlsxTwice } from './read-back';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();

function seeded() {
  const folder = tempDir();
  const { db } = openDatabase(join(folder, 'station.db'), { driver: nodeDatabaseDriver, key: testKey });
  let now = new Date('2026-11-23T01:00:00.000Z');
  const store = createPassageStore(db, { checkpointId: 'CP-01', direction: 'exit', keepRawPayload: false, clock: { now: () => now, serverOffsetMs: () => null } });
  const first = store.record(samplePassageDraft({ plate: '29A-123.45', note: 'xe tải, "hàng lạnh"' }));
  now = new Date('2026-11-23T02:00:00.000Z');
  const second = store.record(samplePassageDraft({ identity: { idNumber: '079303004567', fullName: 'Trần Thị Mai', birthDate: '2003', sex: 'female' }, verdict: 'deny', reasons: [{ code: 'deny-list' }] }));
  now = new Date('2026-11-24T02:00:00.000Z');
  store.record(samplePassageDraft()); // outside the exported day
  return { db, folder, first, second };
}

const range = { from: '2026-11-23T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z' };

const header = [
  'passage_id', 'sequence', 'scanned_at_utc', 'server_time_utc', 'checkpoint', 'direction', 'lane', 'code_kind', 'id_number', 'full_name', 'birth_year', 'sex',
  'verdict', 'station_verdict', 'reasons', 'verification', 'officer', 'override_officer', 'override_at_utc', 'override_reason', 'plate', 'note', 'sync_state',
];

describe('passage export', () => {
  it('writes CSV with a BOM, every record field the issue asks for, and masked identity by default', async () => {
    const { db, folder, first, second } = seeded();
    const out = join(folder, 'out.csv');
    expect(await exportPassages(db, { ...range, format: 'csv', unmasked: false, actor: 'officer:CB-7' }, out)).toEqual({ rows: 2 });
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\n');
    expect(lines[0]).toBe(header.join(','));
    expect(lines[1]).toContain(`${first.id},${first.sequence},2026-11-23T01:00:00.000Z,,CP-01,exit,lane-1,chip-card,0011•••••485,Đ•• T•• H••,1958,female,pass,pass,,offline,CB-0042,,,,29A-123.45,"xe tải, ""hàng lạnh""",pending`);
    expect(lines[2]).toContain(`${second.id},`);
    expect(lines[2]).toContain(',deny,deny,deny-list,');
    expect(text).not.toContain('001158024485');
    expect(text).not.toContain('Đinh Thị Huyền');
    expect(listAudit(db, { limit: 5 })).toMatchObject([{ action: 'export', actor: 'officer:CB-7', details: { format: 'csv', rows: 2, ...range } }]);
  });

  it('writes the final verdict with the station’s and the override beside it, still masked', async () => {
    const { db, folder, second } = seeded();
    createPassageAmendments(db).override(second.id, { verdict: 'check', reason: 'trùng tên, cần xác minh' }, 'CB-7', new Date('2026-11-23T02:05:00.000Z'));
    const out = join(folder, 'out.csv');
    await exportPassages(db, { ...range, format: 'csv', unmasked: false, actor: 'officer:CB-7' }, out);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(',T•• T•• M••,2003,female,check,deny,deny-list,offline,CB-0042,CB-7,2026-11-23T02:05:00.000Z,"trùng tên, cần xác minh",,,pending');
    expect(text).not.toContain('Trần Thị Mai');
  });

  it('writes full identity only when asked, and audits that as such', async () => {
    const { db, folder } = seeded();
    const out = join(folder, 'out.csv');
    await exportPassages(db, { ...range, format: 'csv', unmasked: true, actor: 'officer:CB-7' }, out);
    expect(readFileSync(out, 'utf8')).toContain('001158024485,Đinh Thị Huyền');
    expect(listAudit(db, { limit: 5 })).toMatchObject([{ action: 'export.unmasked', actor: 'officer:CB-7' }]);
  });

  it('writes an XLSX workbook that Excel-compatible readers open, with the same rows, masked by default', async () => {
    const { db, folder, first, second } = seeded();
    const out = join(folder, 'out.xlsx');
    expect(await exportPassages(db, { ...range, format: 'xlsx', unmasked: false, actor: 'station' }, out)).toEqual({ rows: 2 });
    const { sheets, rows } = await readXlsxTwice(out);
    expect(sheets).toEqual(['passages']);
    expect(rows).toEqual([
      header,
      [first.id, first.sequence, '2026-11-23T01:00:00.000Z', '', 'CP-01', 'exit', 'lane-1', 'chip-card', '0011•••••485', 'Đ•• T•• H••', '1958', 'female', 'pass', 'pass', '', 'offline', 'CB-0042', '', '', '', '29A-123.45', 'xe tải, "hàng lạnh"', 'pending'],
      [second.id, second.sequence, '2026-11-23T02:00:00.000Z', '', 'CP-01', 'exit', 'lane-1', 'chip-card', '0793•••••567', 'T•• T•• M••', '2003', 'female', 'deny', 'deny', 'deny-list', 'offline', 'CB-0042', '', '', '', '', '', 'pending'],
    ]);
  });

  it('writes full identity to XLSX only when asked, Vietnamese intact', async () => {
    const { db, folder } = seeded();
    const out = join(folder, 'out.xlsx');
    await exportPassages(db, { ...range, format: 'xlsx', unmasked: true, actor: 'officer:CB-7' }, out);
    const { rows } = await readXlsxTwice(out);
    const identity = [header.indexOf('id_number'), header.indexOf('full_name')];
    expect(rows.map((row) => identity.map((column) => row[column]))).toEqual([
      ['id_number', 'full_name'],
      ['001158024485', 'Đinh Thị Huyền'],
      ['079303004567', 'Trần Thị Mai'],
    ]);
  });
});
