import type { PassageSearch } from '../../../shared/records/passage-query';
import type { Verdict } from '../../../shared/records/passage';

/** The history filters as the officer types them: a day, a time window, and optional fields. */
export interface HistoryFilter {
  /** `yyyy-MM-dd`, the station's local day. */
  day: string;
  /** `HH:mm`, local. */
  fromTime: string;
  toTime: string;
  idNumber: string;
  name: string;
  plate: string;
  verdict: Verdict | '';
  /** Passages the central API judged worse at sync: `open` = not acknowledged yet. */
  alert: '' | 'open' | 'any';
}

const pad = (value: number) => String(value).padStart(2, '0');

export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function todayFilter(now: Date): HistoryFilter {
  return { day: localDay(now), fromTime: '00:00', toTime: '23:59', idNumber: '', name: '', plate: '', verdict: '', alert: '' };
}

/** [from, to) in UTC ISO for a local day and time window; `to` includes its whole minute. */
export function filterRange(filter: Pick<HistoryFilter, 'day' | 'fromTime' | 'toTime'>): { from: string; to: string } {
  const from = new Date(`${filter.day}T${filter.fromTime}:00`);
  const to = new Date(new Date(`${filter.day}T${filter.toTime}:00`).getTime() + 60_000);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** The contract's search for a filter; empty fields are left out. An ID number is searched only when whole. */
export function toSearch(filter: HistoryFilter, beforeSequence?: number): PassageSearch {
  const idNumber = filter.idNumber.replace(/\s/g, '');
  return {
    ...filterRange(filter),
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
