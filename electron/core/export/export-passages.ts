import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { appendAudit } from '../store/audit-log';
import { alertJoin, passageColumns, passageFromRow, type PassageRow } from '../store/passage-rows';
import { exportColumns, toExportRow } from './export-rows';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportRequest {
  from: string;
  to: string;
  format: ExportFormat;
  /** Full ID numbers and names: an explicit choice, audited as such. */
  unmasked: boolean;
  /** `officer:<id>` or `station`. */
  actor: string;
}

/**
 * Streams the passages scanned in [from, to) to a CSV or XLSX file, row by row, so 100,000
 * records never sit in memory at once. Audited whatever the outcome size.
 */
export async function exportPassages(db: Database, request: ExportRequest, outputPath: string): Promise<{ rows: number }> {
  const rows = db
    .prepare(`SELECT ${passageColumns} FROM passages p ${alertJoin} WHERE p.scanned_at >= ? AND p.scanned_at < ? ORDER BY p.sequence`)
    .iterate(request.from, request.to) as IterableIterator<PassageRow>;
  const exported = request.format === 'csv' ? await writeCsv(rows, request.unmasked, createWriteStream(outputPath)) : await writeXlsx(rows, request.unmasked, outputPath);
  appendAudit(db, {
    actor: request.actor,
    action: request.unmasked ? 'export.unmasked' : 'export',
    details: { format: request.format, from: request.from, to: request.to, rows: exported },
  });
  return { rows: exported };
}

async function writeCsv(rows: IterableIterator<PassageRow>, unmasked: boolean, output: Writable): Promise<number> {
  // A BOM, so Excel on the checkpoint's Windows laptop reads the Vietnamese as UTF-8.
  output.write('\uFEFF');
  const csv = stringify({ header: true, columns: exportColumns.map(({ key, header }) => ({ key, header })) });
  csv.pipe(output);
  let count = 0;
  for (const row of rows) {
    if (!csv.write(toExportRow(passageFromRow(row), unmasked))) await once(csv, 'drain');
    count += 1;
  }
  csv.end();
  await finished(output);
  return count;
}

async function writeXlsx(rows: IterableIterator<PassageRow>, unmasked: boolean, outputPath: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: outputPath, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('passages');
  sheet.columns = exportColumns.map(({ key, header }) => ({ key, header }));
  let count = 0;
  for (const row of rows) {
    sheet.addRow(toExportRow(passageFromRow(row), unmasked)).commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
