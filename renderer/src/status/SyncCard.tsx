import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../../shared/contract/status';
import { useFormatters } from '../shell/use-formatters';

/** The outbox and the reference data: what waits to be sent, what was refused, how old the rules and the vaccine-passport trust list are. */
export function SyncCard({ sync, reference }: Pick<StationStatus, 'sync' | 'reference'>) {
  const { t } = useTranslation();
  const format = useFormatters();
  const trustList = reference.dccTrustList;
  return (
    <section className="card" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('status.sync.heading')}</h2>
      <dl>
        <dt>{t('status.sync.state')}</dt>
        <dd data-testid="sync-state">{t(`status.sync.states.${sync.state}`)}</dd>
        <dt>{t('status.sync.pending')}</dt>
        <dd data-testid="sync-pending">{sync.pending}</dd>
        <dt>{t('status.sync.lastSuccess')}</dt>
        <dd>{sync.lastSuccessAt === null ? '—' : format.time(sync.lastSuccessAt)}</dd>
        <dt>{t('status.sync.rules')}</dt>
        <dd>
          {reference.rulesVersion} · {reference.fetchedAt === null ? t('status.sync.shipped') : format.dateTime(reference.fetchedAt)}
        </dd>
        <dt>{t('status.sync.trustList')}</dt>
        <dd data-testid="sync-trust-list">
          {t('status.sync.trustListSigners', { count: trustList.signers })} · {trustList.fetchedAt === null ? t('status.sync.trustListNever') : format.dateTime(trustList.fetchedAt)}
        </dd>
      </dl>
      {sync.deadLetters > 0 && (
        <p className="banner banner-error" role="alert" data-testid="sync-dead-letters">
          {t('status.sync.deadLetters', { count: sync.deadLetters })}
        </p>
      )}
      {sync.retroAlerts > 0 && (
        <p className="banner banner-error" role="alert" data-testid="sync-retro-alerts">
          {t('status.sync.retroAlerts', { count: sync.retroAlerts })}
        </p>
      )}
      {sync.clockWarning && (
        <p className="banner" role="alert" data-testid="clock-warning">
          {t('status.sync.clockWarning', { minutes: Math.round(Math.abs(sync.clockOffsetMs ?? 0) / 60_000) })}
        </p>
      )}
      {reference.stale && (
        <p className="banner" role="status" data-testid="reference-stale">
          {t('status.sync.stale')}
        </p>
      )}
      {(trustList.stale || trustList.damaged) && (
        <p className="banner" role="status" data-testid="trust-list-stale">
          {t(trustList.damaged ? 'status.sync.trustListDamaged' : 'status.sync.trustListStale')}
        </p>
      )}
    </section>
  );
}
