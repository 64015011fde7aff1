import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { Direction } from '../../../shared/contract/status';
import { formatDuration, formatLocalTime, formatUtcOffset, reportStrings, type ReportStrings } from '../../../shared/i18n/report-strings';
import type { OfficerSession } from '../../../shared/records/officer';
import type { Verdict } from '../../../shared/records/passage';
import type { ShiftSummary } from '../../../shared/records/shift-summary';

/** A real TrueType font: the PDF standard fonts have no Vietnamese diacritics. */
const fontPath = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const boldFontPath = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface ShiftReportContent {
  summary: ShiftSummary;
  checkpoint: { id: string; name: string; direction: Direction };
  officer: OfficerSession | null;
  utcOffsetMinutes: number;
  locale: 'vi' | 'en';
  generatedAt: Date;
}

const verdicts: readonly Verdict[] = ['pass', 'check', 'deny', 'invalid'];
const barColours: Record<Verdict, string> = { pass: '#2e7d32', check: '#f9a825', deny: '#c62828', invalid: '#757575' };
const margin = 50;

/**
 * The printable shift report: counts and times only, never a name, ID number or plate. Resolves
 * once the file is written (a full disk rejects).
 */
export async function writeShiftReport(content: ShiftReportContent, outputPath: string): Promise<void> {
  const labels = reportStrings(content.locale);
  const doc = new PDFDocument({ size: 'A4', margin, info: { Title: labels.title, Creator: 'checkpoint-station' } });
  // Owner-only, like exports: a shift report is the checkpoint's record, not for other accounts.
  const output = createWriteStream(outputPath, { mode: 0o600 });
  doc.pipe(output);
  doc.registerFont('body', fontPath);
  doc.registerFont('bold', boldFontPath);
  writeHeader(doc, content, labels);
  writeCounts(doc, content.summary, labels);
  writeHourly(doc, content.summary, labels);
  doc.moveDown(2).font('body').fontSize(9).fillColor('#555').text(labels.footer, margin);
  doc.end();
  await finished(output);
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(1).font('bold').fontSize(13).fillColor('black').text(text, margin).moveDown(0.3).font('body').fontSize(11);
}

function line(doc: PDFKit.PDFDocument, label: string, value: string | number): void {
  doc.font('body').fontSize(11).fillColor('black').text(`${label}: ${value}`, margin);
}

function writeHeader(doc: PDFKit.PDFDocument, content: ShiftReportContent, labels: ReportStrings): void {
  const { checkpoint, summary, officer, utcOffsetMinutes } = content;
  const local = (iso: string) => formatLocalTime(iso, utcOffsetMinutes);
  doc.font('bold').fontSize(18).text(labels.title, margin).moveDown(0.5);
  line(doc, labels.checkpoint, `${checkpoint.name} (${checkpoint.id})`);
  line(doc, labels.direction, labels.directions[checkpoint.direction]);
  line(doc, labels.range, `${local(summary.from)} – ${local(summary.to)} (${formatUtcOffset(utcOffsetMinutes)})`);
  line(doc, labels.officer, officer === null ? labels.noOfficer : `${officer.name} (${officer.officerId})`);
  line(doc, labels.generatedAt, local(content.generatedAt.toISOString()));
}

function writeCounts(doc: PDFKit.PDFDocument, summary: ShiftSummary, labels: ReportStrings): void {
  heading(doc, labels.byVerdict);
  for (const verdict of verdicts) line(doc, labels.verdicts[verdict], summary.byVerdict[verdict]);
  line(doc, labels.total, verdicts.reduce((sum, verdict) => sum + summary.byVerdict[verdict], 0));
  doc.moveDown(0.5);
  line(doc, labels.overrides, summary.overrides);
  line(doc, labels.offlineVerdicts, summary.offlineVerdicts);
  line(doc, labels.offlineTime, formatDuration(summary.offlineMs, labels));
  heading(doc, labels.queue);
  line(doc, labels.pending, summary.pending);
  line(doc, labels.deadLetters, summary.deadLetters);
}

/** One row an hour with passages: counts by verdict, the total, and a bar of it split by verdict. */
function writeHourly(doc: PDFKit.PDFDocument, summary: ShiftSummary, labels: ReportStrings): void {
  heading(doc, labels.perHour);
  const hours = new Map<number, Record<Verdict, number>>();
  for (const { hour, verdict, count } of summary.perHour) {
    const row = hours.get(hour) ?? { pass: 0, check: 0, deny: 0, invalid: 0 };
    row[verdict] += count;
    hours.set(hour, row);
  }
  if (hours.size === 0) {
    doc.text(labels.noPassages, margin);
    return;
  }
  const columns = [labels.hour, ...verdicts.map((verdict) => labels.verdicts[verdict]), labels.total];
  const columnWidth = 62;
  const barX = margin + columns.length * columnWidth + 8;
  const barWidth = doc.page.width - margin - barX;
  const largest = Math.max(...[...hours.values()].map((row) => total(row)));
  const rowHeight = 16;
  const writeRow = (cells: (string | number)[], font: 'body' | 'bold') => {
    if (doc.y + rowHeight > doc.page.height - margin) doc.addPage();
    const y = doc.y;
    doc.font(font).fontSize(9).fillColor('black');
    cells.forEach((cell, index) => doc.text(String(cell), margin + index * columnWidth, y, { width: columnWidth - 4, lineBreak: false }));
    doc.x = margin;
    doc.y = y + rowHeight;
    return y;
  };
  writeRow(columns, 'bold');
  for (const [hour, row] of [...hours.entries()].sort(([a], [b]) => a - b)) {
    const y = writeRow([`${String(hour).padStart(2, '0')}:00`, ...verdicts.map((verdict) => row[verdict]), total(row)], 'body');
    let x = barX;
    for (const verdict of verdicts) {
      const width = (row[verdict] / largest) * barWidth;
      if (width > 0) doc.rect(x, y, width, rowHeight - 6).fill(barColours[verdict]);
      x += width;
    }
  }
}

function total(row: Record<Verdict, number>): number {
  return verdicts.reduce((sum, verdict) => sum + row[verdict], 0);
}
