import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { writeShiftReport, type ShiftReportContent } from '../../../electron/core/reports/shift-report';
import { formatDuration, reportStrings } from '../../../shared/i18n/report-strings';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** Every page's text, each text run separated by a space. */
async function pdfText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n');
}

const content: ShiftReportContent = {
  summary: {
    from: '2026-11-23T00:00:00.000Z',
    to: '2026-11-23T08:00:00.000Z',
    byVerdict: { pass: 137, check: 12, deny: 3, invalid: 5 },
    overrides: 4,
    offlineVerdicts: 21,
    perHour: [
      { hour: 7, verdict: 'pass', count: 60 },
      { hour: 7, verdict: 'deny', count: 3 },
      { hour: 8, verdict: 'pass', count: 77 },
      { hour: 8, verdict: 'check', count: 12 },
      { hour: 9, verdict: 'invalid', count: 5 },
    ],
    offlineMs: (65 * 60 + 30) * 1000,
    pending: 9,
    deadLetters: 2,
  },
  checkpoint: { id: 'CP-HN-07', name: 'Chốt Pháp Vân', direction: 'entry' },
  officer: { officerId: 'CB-0042', name: 'Trần Văn Bình', role: 'officer', signedInAt: '2026-11-23T00:00:00.000Z' },
  utcOffsetMinutes: 420,
  locale: 'vi',
  generatedAt: new Date('2026-11-23T08:01:00.000Z'),
};

describe('shift report PDF', () => {
  it('writes the Vietnamese labels with their diacritics, the counts, the hours and the offline time', async () => {
    const path = join(tempDir(), 'shift.pdf');
    await writeShiftReport(content, path);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(path);
    for (const label of ['Báo cáo ca trực', 'Chốt kiểm soát: Chốt Pháp Vân (CP-HN-07)', 'Hướng: Chiều vào', 'Cán bộ trực: Trần Văn Bình (CB-0042)',
      'Cho qua: 137', 'Kiểm tra thêm: 12', 'Không cho qua: 3', 'Mã không hợp lệ: 5', 'Tổng cộng: 157',
      'Kết quả do cán bộ thay đổi: 4', 'Kết quả quyết định khi mất kết nối: 21', 'Thời gian mất kết nối: 1 giờ 05 phút',
      'Chờ gửi: 9', 'Bị máy chủ từ chối: 2', 'Số lượt theo giờ', '2026-11-23 07:00 – 2026-11-23 15:00 (UTC+07:00)']) {
      expect(text).toContain(label);
    }
    // The per-hour table: hour, pass, check, deny, invalid, total.
    expect(text).toMatch(/07:00\s+60\s+0\s+3\s+0\s+63/);
    expect(text).toMatch(/08:00\s+77\s+12\s+0\s+0\s+89/);
    expect(text).toMatch(/09:00\s+0\s+0\s+0\s+5\s+5/);
  });

  it('writes English labels for locale en, and says so when there are no passages', async () => {
    const path = join(tempDir(), 'shift.pdf');
    await writeShiftReport({ ...content, locale: 'en', officer: null, summary: { ...content.summary, perHour: [] } }, path);
    const text = await pdfText(path);
    for (const label of ['Shift report', 'Officer on shift: No officer signed in', 'Pass: 137', 'Time offline: 1 h 05 min', 'No passages in this period.']) {
      expect(text).toContain(label);
    }
    expect(text).not.toContain('Cho qua');
  });

  it('rejects when the file cannot be written', async () => {
    await expect(writeShiftReport(content, join(tempDir(), 'missing-folder', 'shift.pdf'))).rejects.toThrow(/ENOENT/);
  });

  it('has every label in both languages', () => {
    expect(Object.keys(reportStrings('en')).sort()).toEqual(Object.keys(reportStrings('vi')).sort());
    expect(formatDuration(59_999, reportStrings('en'))).toBe('0 h 00 min');
  });
});
