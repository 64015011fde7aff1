import { z } from 'zod';
import { interpolate } from '../codes/problems';
import en from './report.en.json';
import vi from './report.vi.json';

const verdictLabels = z.object({ pass: z.string(), check: z.string(), deny: z.string(), invalid: z.string() });

/** The printed shift report's labels; both languages are checked to have every one. */
export const reportStringsSchema = z.object({
  title: z.string(),
  checkpoint: z.string(),
  direction: z.string(),
  directions: z.object({ entry: z.string(), exit: z.string(), both: z.string() }),
  range: z.string(),
  officer: z.string(),
  noOfficer: z.string(),
  byVerdict: z.string(),
  verdicts: verdictLabels,
  total: z.string(),
  overrides: z.string(),
  offlineVerdicts: z.string(),
  offlineTime: z.string(),
  /** With `{{hours}}` and `{{minutes}}`. */
  duration: z.string().includes('{{hours}}').includes('{{minutes}}'),
  queue: z.string(),
  pending: z.string(),
  deadLetters: z.string(),
  perHour: z.string(),
  hour: z.string(),
  noPassages: z.string(),
  generatedAt: z.string(),
  footer: z.string(),
});
export type ReportStrings = z.infer<typeof reportStringsSchema>;

const strings = { vi: reportStringsSchema.parse(vi), en: reportStringsSchema.parse(en) };

export function reportStrings(locale: 'vi' | 'en'): ReportStrings {
  return strings[locale];
}

/** "2 giờ 05 phút" from milliseconds, rounded down to the minute. */
export function formatDuration(ms: number, labels: ReportStrings): string {
  const minutes = Math.floor(ms / 60_000);
  return interpolate(labels.duration, { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') });
}

/** `yyyy-MM-dd HH:mm` on the officer's wall clock. */
export function formatLocalTime(iso: string, utcOffsetMinutes: number): string {
  return new Date(Date.parse(iso) + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** `UTC+07:00` */
export function formatUtcOffset(utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(utcOffsetMinutes);
  return `UTC${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
