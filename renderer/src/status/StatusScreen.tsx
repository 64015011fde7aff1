import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import type { StationStatus } from '../../../shared/contract/status';
import { ConnectivityBadge } from './ConnectivityBadge';
import { ExportTodayCard } from './ExportTodayCard';
import { StorageCard } from './StorageCard';
import { SupportBundleCard } from './SupportBundleCard';
import { SyncCard } from './SyncCard';

export function StatusScreen({ status, client }: { status: StationStatus; client: StationClient }) {
  const { t } = useTranslation();
  const { checkpoint, connectivity, database } = status;
  return (
    <main className="status-screen">
      <section className="card checkpoint" aria-labelledby="checkpoint-heading">
        <h2 id="checkpoint-heading">{t('status.checkpoint')}</h2>
        <p className="checkpoint-name" data-testid="checkpoint-name">
          {checkpoint.name}
        </p>
        <dl>
          <dt>{t('status.checkpointId')}</dt>
          <dd data-testid="checkpoint-id">{checkpoint.id}</dd>
          <dt>{t('status.direction')}</dt>
          <dd>{t(`status.directions.${checkpoint.direction}`)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="connectivity-heading">
        <h2 id="connectivity-heading">{t('status.connectivity.heading')}</h2>
        <ConnectivityBadge connectivity={connectivity} />
        <dl>
          <dt>{t('status.connectivity.apiUrl')}</dt>
          <dd>{connectivity.apiUrl ?? '—'}</dd>
          {connectivity.lastError !== null && (
            <>
              <dt>{t('status.connectivity.lastError')}</dt>
              <dd>{connectivity.lastError}</dd>
            </>
          )}
        </dl>
      </section>
      <StorageCard storage={status.storage} />
      <SyncCard sync={status.sync} reference={status.reference} />
      <ExportTodayCard client={client} mayUnmask={status.officer?.role === 'supervisor'} />
      {status.officer?.role === 'supervisor' && <SupportBundleCard client={client} />}
      <section className="card" aria-labelledby="database-heading">
        <h2 id="database-heading">{t('status.database')}</h2>
        <dl>
          <dt>{t('status.database')}</dt>
          <dd>
            <code data-testid="database-path">{database.path}</code>
          </dd>
          <dt>{t('status.schemaVersion')}</dt>
          <dd>{database.schemaVersion}</dd>
          <dt>{t('status.appVersion')}</dt>
          <dd>{status.appVersion}</dd>
          <dt>{t('status.host')}</dt>
          <dd>{t(`status.hosts.${status.host}`)}</dd>
        </dl>
      </section>
    </main>
  );
}
