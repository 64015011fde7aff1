import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';

type ExportState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; path: string; rows: number } | { kind: 'failed'; message: string };

/** Today's passages to a CSV or XLSX file in the station's data folder, identity masked. */
export function ExportTodayCard({ client }: { client: StationClient }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  async function exportToday() {
    setState({ kind: 'running' });
    const now = new Date();
    const startOfDay = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    const result = await client.invoke('exportPassages', { from: startOfDay.toISOString(), to: now.toISOString(), format, unmasked: false, officerId: null });
    setState(result.ok ? { kind: 'done', ...result.value } : { kind: 'failed', message: result.error.message });
  }

  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('status.export.heading')}</h2>
      <label>
        {t('status.export.format')}{' '}
        <select value={format} onChange={(event) => setFormat(event.target.value === 'csv' ? 'csv' : 'xlsx')} data-testid="export-format">
          <option value="xlsx">XLSX</option>
          <option value="csv">CSV</option>
        </select>
      </label>{' '}
      <button type="button" onClick={() => void exportToday()} disabled={state.kind === 'running'} data-testid="export-today">
        {t('status.export.today')}
      </button>
      <p className="muted">{t('status.export.masked')}</p>
      {state.kind === 'done' && (
        <p role="status" data-testid="export-result">
          {t('status.export.done', { rows: state.rows, path: state.path })}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="banner banner-error" role="alert">
          {t('status.export.failed', { message: state.message })}
        </p>
      )}
    </section>
  );
}
