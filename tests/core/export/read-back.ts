import { readFileSync } from 'node:fs';
import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { expect } from 'vitest';

export type Cell = string | number;

/** OWASP "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection): no cell may begin with these; NUL from ASVS 5.0 1.2.10. */
export const owaspLeading = ['=', '+', '-', '@', '\t', '\r', '\n', '\0'];

/**
 * Whether a spreadsheet could take the cell for a formula: it begins with one of OWASP's characters,
 * or does once leading whitespace is dropped and look-alikes (full-width `＝`…) folded by NFKC.
 */
export function startsFormula(cell: string): boolean {
  return [cell, cell.trimStart().normalize('NFKC')].some((text) => owaspLeading.some((character) => text.startsWith(character)));
}

/**
 * An export's CSV as a spreadsheet gets it: parsed by fast-csv, a parser that shares no code with
 * csv-stringify, which wrote it. The BOM is checked and dropped; cells as written, untrimmed.
 */
export async function readCsv(path: string): Promise<string[][]> {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text.slice(1))
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

/**
 * The workbook's cells as two unrelated readers see them — exceljs, which wrote it, and
 * read-excel-file, with its own unzip and XML parsing — which must agree; empty cells as ''. A cell
 * that is neither a string nor a number (a formula, a date) fails the read.
 */
export async function readXlsxTwice(path: string): Promise<{ sheets: string[]; rows: Cell[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const byExcelJs = workbook.worksheets.map((sheet) => ({
    sheet: sheet.name,
    rows: Array.from({ length: sheet.rowCount }, (_, r) => Array.from({ length: sheet.columnCount }, (_, c) => cell(sheet.getRow(r + 1).getCell(c + 1)))),
  }));
  const byReadExcelFile = (await readXlsxFile(path, { trim: false })).map(({ sheet, data }) => ({ sheet, rows: data.map((row) => row.map(value)) }));
  expect(byReadExcelFile).toEqual(byExcelJs);
  return { sheets: byExcelJs.map(({ sheet }) => sheet), rows: byExcelJs[0]?.rows ?? [] };
}

function cell(read: ExcelJS.Cell): Cell {
  // The stored type, not the value's: a formula cell carries its text as well.
  if (![ExcelJS.ValueType.Null, ExcelJS.ValueType.String, ExcelJS.ValueType.Number].includes(read.type)) {
    throw new Error(`unexpected cell type ${read.type}: ${JSON.stringify(read.value)}`);
  }
  return value(read.value);
}

function value(read: unknown): Cell {
  if (read === null || read === undefined) return '';
  // A line end in XML text is read as \n (XML 1.0 §2.11), as exceljs and Excel read it; read-excel-file keeps the raw \r.
  if (typeof read === 'string') return xmlLineEnds(read);
  if (typeof read === 'number') return read;
  throw new Error(`unexpected cell value ${JSON.stringify(read)}`);
}

export function xmlLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
