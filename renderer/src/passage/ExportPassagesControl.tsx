import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';

/**
 * Exports the passages of a time range to a CSV or XLSX file in the data folder, identity masked:
 * the status screen's "today" and the history's chosen window.
 */
export function ExportPassagesControl({ client, range, label, testId }: { client: StationClient; range(): { from: string; to: string }; label: string; testId: string }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
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
      <button type="button" onClick={() => void exporter.run({ ...range(), format, unmasked: false, officerId: null })} disabled={exporter.state.kind === 'running'} data-testid={testId}>
        {label}
      </button>
      <p className="muted">{t('status.export.masked')}</p>
      {exporter.state.kind === 'done' && (
        <p role="status" data-testid={`${testId}-result`}>
          {t('status.export.done', { rows: exporter.state.value.rows, path: exporter.state.value.path })}
        </p>
      )}
      {exporter.state.kind === 'failed' && <CommandErrorBanner error={exporter.state.error} />}
    </div>
  );
}
