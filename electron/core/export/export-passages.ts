import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { restrictToOwner } from '../db/data-folder';
import { appendAudit } from '../store/audit-log';
import { alertJoin, passageColumns, passageFromRow, type PassageRow } from '../store/passage-rows';
import { exportColumns, toExportRow } from './export-rows';
import { neutraliseFormula } from './formula-cells';

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
 * records never sit in memory at once; the file is owner-only. Audited whatever the outcome size.
 */
export async function exportPassages(db: Database, request: ExportRequest, outputPath: string): Promise<{ rows: number }> {
  // Before the query: a file that cannot be opened must not leave its iterator holding the connection.
  const output = await openOwnerOnly(outputPath);
  const rows = db
    .prepare(`SELECT ${passageColumns} FROM passages p ${alertJoin} WHERE p.scanned_at >= ? AND p.scanned_at < ? ORDER BY p.sequence`)
    .iterate(request.from, request.to) as IterableIterator<PassageRow>;
  const exported = request.format === 'csv' ? await writeCsv(rows, request.unmasked, output) : await writeXlsx(rows, request.unmasked, output);
  appendAudit(db, {
    actor: request.actor,
    action: request.unmasked ? 'export.unmasked' : 'export',
    details: { format: request.format, from: request.from, to: request.to, rows: exported },
  });
  return { rows: exported };
}

/** A file of personal data only its owner reads, even one that already existed (the CLI's `--out`): opening keeps an existing file's mode. */
async function openOwnerOnly(path: string): Promise<WriteStream> {
  const file = await open(path, 'w', 0o600);
  try {
    restrictToOwner(path);
  } catch (error) {
    await file.close();
    throw error;
  }
  return file.createWriteStream();
}

async function writeCsv(rows: IterableIterator<PassageRow>, unmasked: boolean, output: Writable): Promise<number> {
  // A BOM, so Excel on the checkpoint's Windows laptop reads the Vietnamese as UTF-8.
  output.write('\uFEFF');
  // Every text cell, whatever its column: names, plates, notes and reasons are typed or read from a card, lane and
  // checkpoint names come from the settings. Numbers stay numbers. XLSX needs none of this: its cells are typed strings.
  const csv = stringify({ header: true, columns: exportColumns.map(({ key, header }) => ({ key, header })), cast: { string: neutraliseFormula } });
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

async function writeXlsx(rows: IterableIterator<PassageRow>, unmasked: boolean, output: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
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
