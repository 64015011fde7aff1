import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { StorageAlert, StorageStatus } from '../../../shared/contract/status';

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
      {storage.alerts.map((alert, index) => (
        // A database can be moved aside more than once in a run (at start-up, then while running).
        <p key={`${alert.code}-${index}`} className="banner banner-error" role="alert" data-testid={`storage-alert-${alert.code}`}>
          {alertText(alert, t).join(' ')}
        </p>
      ))}
    </section>
  );
}

/** The alert's sentences in the screen's language, from its code and figures (never a message from the core). */
function alertText(alert: StorageAlert, t: TFunction): string[] {
  switch (alert.code) {
    case 'database-moved-aside': {
      const { salvage } = alert;
      return [
        t(alert.cause === 'runtime' ? 'status.storage.movedAsideRunning' : 'status.storage.movedAside', { movedTo: alert.movedTo }),
        t('status.storage.salvaged', salvage),
        ...(salvage.unreadableRanges + salvage.invalidRows > 0
          ? [t('status.storage.notSalvaged', { unreadable: salvage.unreadableRanges, invalid: salvage.invalidRows })]
          : []),
      ];
    }
    case 'acknowledged-passages-lost': {
      const from = alert.foundSequence + 1;
      const to = alert.expectedSequence;
      return [
        t('status.storage.lostAcknowledged', { count: to - from + 1, range: from === to ? `${from}` : `${from}–${to}` }),
        ...(alert.walCopy === null ? [] : [t('status.storage.walKept', { walCopy: alert.walCopy })]),
      ];
    }
    case 'unsynced-past-retention':
      return [t('status.storage.unsyncedPastRetention', { count: alert.count })];
  }
}
