import { useTranslation } from 'react-i18next';
import type { StorageStatus } from '../../../shared/contract/status';

/** The records' health: a failing write or a damaged database is shown at once, never hidden. */
export function StorageCard({ storage }: { storage: StorageStatus }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('status.storage.heading')}</h2>
      {storage.state === 'failing' && (
        <p className="banner banner-error" role="alert" data-testid="storage-failing">
          {t('status.storage.failing')}
        </p>
      )}
      <dl>
        <dt>{t('status.storage.unsynced')}</dt>
        <dd data-testid="unsynced-count">{storage.unsyncedCount}</dd>
      </dl>
      {storage.alerts.map((alert) => (
        <p key={alert.code} className="banner banner-error" role="alert" data-testid={`storage-alert-${alert.code}`}>
          {alert.code === 'database-moved-aside'
            ? t('status.storage.movedAside', { movedTo: alert.movedTo })
            : t('status.storage.unsyncedPastRetention', { count: alert.count })}
        </p>
      ))}
    </section>
  );
}
