import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';

/**
 * Exports the passages of a time range to a CSV or XLSX file in the data folder, identity masked
 * (a supervisor may ask for full identities; the core refuses anyone else): the status screen's
 * "today" and the history's chosen window (none while the window typed is not valid).
 */
export function ExportPassagesControl({ client, range, label, testId, mayUnmask }: { client: StationClient; range(): { from: string; to: string } | null; label: string; testId: string; mayUnmask: boolean }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [unmasked, setUnmasked] = useState(false);
  const exporter = useCommand(client, 'exportPassages');
  return (
    <div className="export-row">
      <label>
        {t('status.export.format')}{' '}
        <select value={format} onChange={(event) => setFormat(event.target.value === 'csv' ? 'csv' : 'xlsx')} data-testid={`${testId}-format`}>
          <option value="xlsx">XLSX</option>
          <option value="csv">CSV</option>
        </select>
      </label>{' '}
      {mayUnmask && (
        <label>
          <input type="checkbox" checked={unmasked} onChange={(event) => setUnmasked(event.target.checked)} data-testid={`${testId}-unmasked`} /> {t('status.export.unmasked')}
        </label>
      )}{' '}
      <button type="button" onClick={() => {
          // Taken at the click: "today" ends now.
          const chosen = range();
          if (chosen !== null) void exporter.run({ ...chosen, format, unmasked: mayUnmask && unmasked });
        }}
        disabled={range() === null || exporter.state.kind === 'running'} data-testid={testId}>
        {label}
      </button>
      <p className="muted">{mayUnmask && unmasked ? t('status.export.unmaskedNote') : t('status.export.masked')}</p>
      {exporter.state.kind === 'done' && (
        <p role="status" data-testid={`${testId}-result`}>
          {t('status.export.done', { rows: exporter.state.value.rows, path: exporter.state.value.path })}
        </p>
      )}
      {exporter.state.kind === 'failed' && <CommandErrorBanner error={exporter.state.error} />}
    </div>
  );
}
