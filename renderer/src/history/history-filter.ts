import type { PassageSearch } from '../../../shared/records/passage-query';
import type { Verdict } from '../../../shared/records/passage';
import { formatDate, parseClock, parseDay } from '../shell/date-format';

/** The history filters as the officer types them: a day, a time window, and optional fields. */
export interface HistoryFilter {
  /** The station's local day as typed: `dd/mm/yyyy`. */
  day: string;
  /** `HH:mm` on a 24-hour clock, local, as typed. */
  fromTime: string;
  toTime: string;
  idNumber: string;
  name: string;
  plate: string;
  verdict: Verdict | '';
  /** Passages the central API judged worse at sync: `open` = not acknowledged yet. */
  alert: '' | 'open' | 'any';
}

export function todayFilter(now: Date): HistoryFilter {
  return { day: formatDate(now), fromTime: '00:00', toTime: '23:59', idNumber: '', name: '', plate: '', verdict: '', alert: '' };
}

type Window = Pick<HistoryFilter, 'day' | 'fromTime' | 'toTime'>;

/** The window's fields that are not a real day or time as typed (the screen marks them; nothing is searched). */
export function invalidWindowFields(filter: Window): (keyof Window)[] {
  return [parseDay(filter.day) === null && ('day' as const), parseClock(filter.fromTime) === null && ('fromTime' as const), parseClock(filter.toTime) === null && ('toTime' as const)].filter(
    (field) => field !== false,
  );
}

/** [from, to) in UTC ISO for a local day and time window; `to` includes its whole minute. Null while a field is not valid. */
export function filterRange(filter: Window): { from: string; to: string } | null {
  const [day, fromTime, toTime] = [parseDay(filter.day), parseClock(filter.fromTime), parseClock(filter.toTime)];
  if (day === null || fromTime === null || toTime === null) return null;
  const from = new Date(`${day}T${fromTime}:00`);
  const to = new Date(new Date(`${day}T${toTime}:00`).getTime() + 60_000);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** The contract's search for a filter, or null while its window is not valid; empty fields are left out. An ID number is searched only when whole. */
export function toSearch(filter: HistoryFilter, beforeSequence?: number): PassageSearch | null {
  const range = filterRange(filter);
  if (range === null) return null;
  const idNumber = filter.idNumber.replace(/\s/g, '');
  return {
    ...range,
    ...(/^\d{9,12}$/.test(idNumber) ? { idNumber } : {}),
    ...(filter.name.trim() === '' ? {} : { name: filter.name.trim() }),
    ...(filter.plate.trim() === '' ? {} : { plate: filter.plate.trim() }),
    ...(filter.verdict === '' ? {} : { verdict: filter.verdict }),
    ...(filter.alert === '' ? {} : { alert: filter.alert }),
    ...(beforeSequence === undefined ? {} : { beforeSequence }),
    limit: 100,
  };
}

/** An ID number typed but not whole: the screen says so instead of silently ignoring it. */
export function idNumberIncomplete(filter: HistoryFilter): boolean {
  const idNumber = filter.idNumber.replace(/\s/g, '');
  return idNumber !== '' && !/^\d{9,12}$/.test(idNumber);
}
