import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import type { LaneStatus } from '../../../shared/contract/status';
import { verdictSchema, type Passage } from '../../../shared/records/passage';
import { ExportPassagesControl } from '../passage/ExportPassagesControl';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';
import { filterRange, idNumberIncomplete, invalidWindowFields, todayFilter, toSearch, type HistoryFilter } from './history-filter';
import { PassageDetail } from './PassageDetail';
import { PassageTable } from './PassageTable';

/** Today's passages (or another day's), searched and filtered, with a detail view and a masked export. */
export function HistoryView({ client, lanes, mayUnmask }: { client: StationClient; lanes: LaneStatus[]; mayUnmask: boolean }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<HistoryFilter>(() => todayFilter(new Date()));
  const [passages, setPassages] = useState<Passage[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const search = useCommand(client, 'searchPassages');
  const { run } = search;

  const refresh = useCallback(async () => {
    const query = toSearch(filter);
    if (query === null) return;
    const found = await run(query);
    if (found !== null) setPassages(found);
  }, [run, filter]);

  useEffect(() => {
    const timer = setTimeout(() => void refresh(), 250); // typing settles before the query runs
    return () => clearTimeout(timer);
  }, [refresh]);
  useEffect(() => client.on('scan', () => void refresh()), [client, refresh]);

  async function loadMore() {
    const last = passages.at(-1);
    const query = last === undefined ? null : toSearch(filter, last.sequence);
    if (query === null) return;
    const more = await run(query);
    if (more !== null) setPassages((previous) => [...previous, ...more]);
  }

  const set = (name: keyof HistoryFilter) => (event: { target: { value: string } }) => setFilter((previous) => ({ ...previous, [name]: event.target.value }));
  const invalid = invalidWindowFields(filter);
  const replace = (changed: Passage) => setPassages((previous) => previous.map((passage) => (passage.id === changed.id ? changed : passage)));

  return (
    <main className="history-view">
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history.heading')}</h2>
        <form className="history-filters" role="search" onSubmit={(event) => (event.preventDefault(), void refresh())}>
          <label className="field">
            <span>{t('history.day')}</span>
            <input value={filter.day} onChange={set('day')} inputMode="numeric" placeholder={t('history.dayFormat')} aria-invalid={invalid.includes('day')} data-testid="filter-day" />
          </label>
          <label className="field">
            <span>{t('history.from')}</span>
            <input value={filter.fromTime} onChange={set('fromTime')} inputMode="numeric" placeholder="00:00" aria-invalid={invalid.includes('fromTime')} data-testid="filter-from" />
          </label>
          <label className="field">
            <span>{t('history.to')}</span>
            <input value={filter.toTime} onChange={set('toTime')} inputMode="numeric" placeholder="23:59" aria-invalid={invalid.includes('toTime')} data-testid="filter-to" />
          </label>
          <label className="field">
            <span>{t('history.idNumber')}</span>
            <input inputMode="numeric" value={filter.idNumber} onChange={set('idNumber')} aria-invalid={idNumberIncomplete(filter)} data-testid="filter-id" />
          </label>
          <label className="field">
            <span>{t('history.name')}</span>
            <input value={filter.name} onChange={set('name')} data-testid="filter-name" />
          </label>
          <label className="field">
            <span>{t('history.plate')}</span>
            <input value={filter.plate} onChange={set('plate')} data-testid="filter-plate" />
          </label>
          <label className="field">
            <span>{t('history.verdict')}</span>
            <select value={filter.verdict} onChange={set('verdict')} data-testid="filter-verdict">
              <option value="">{t('history.allVerdicts')}</option>
              {verdictSchema.options.map((verdict) => (
                <option key={verdict} value={verdict}>
                  {t(`verdict.words.${verdict}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('history.alertFilter')}</span>
            <select value={filter.alert} onChange={set('alert')} data-testid="filter-alert">
              {(['', 'open', 'any'] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`history.alertFilters.${value}`)}
                </option>
              ))}
            </select>
          </label>
        </form>
        {invalid.length > 0 && (
          <p className="muted" role="status" data-testid="filter-window-invalid">
            {t('history.windowInvalid')}
          </p>
        )}
        {idNumberIncomplete(filter) && <p className="muted">{t('history.idNumberIncomplete')}</p>}
        {search.state.kind === 'failed' && <CommandErrorBanner error={search.state.error} />}
        <p className="muted" data-testid="history-count">
          {t('history.count', { count: passages.length })}
        </p>
        <div className="table-scroll">
          <PassageTable passages={passages} lanes={lanes} selectedId={selectedId} onSelect={setSelectedId} />
        </div>
        {passages.length > 0 && passages.length % 100 === 0 && (
          <button type="button" onClick={() => void loadMore()}>
            {t('history.more')}
          </button>
        )}
        <ExportPassagesControl client={client} range={() => filterRange(filter)} label={t('history.export')} testId="history-export" mayUnmask={mayUnmask} />
      </section>
      {selectedId !== null && <PassageDetail client={client} lanes={lanes} passageId={selectedId} onChanged={replace} />}
    </main>
  );
}
