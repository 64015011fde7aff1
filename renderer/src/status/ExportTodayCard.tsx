import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import { ExportPassagesControl } from '../passage/ExportPassagesControl';

/** From local midnight until now. */
function today(): { from: string; to: string } {
  const now = new Date();
  return { from: new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString(), to: now.toISOString() };
}

/** Today's passages to a CSV or XLSX file in the station's data folder, identity masked. */
export function ExportTodayCard({ client, mayUnmask }: { client: StationClient; mayUnmask: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('status.export.heading')}</h2>
      <ExportPassagesControl client={client} range={today} label={t('status.export.today')} testId="export-today" mayUnmask={mayUnmask} />
    </section>
  );
}
