import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../../shared/contract/status';
import { ConnectivityBadge } from '../status/ConnectivityBadge';
import { unhealthyLaneStates } from '../scan/LaneHealth';
import { relativeAge } from './relative-age';

/** Always on screen: network, outbox, reference data age, clock, storage and camera health. */
export function StatusBar({ status }: { status: StationStatus }) {
  const { t, i18n } = useTranslation();
  const { sync, reference, storage, lanes, verification } = status;
  const unauthorized = sync.state === 'unauthorized' || verification.lastRefusal?.status === 401;
  const healthyLanes = lanes.filter((lane) => !unhealthyLaneStates.has(lane.state)).length;
  return (
    <footer className="status-bar" aria-label={t('statusBar.label')} data-testid="status-bar">
      <ConnectivityBadge connectivity={status.connectivity} />
      <span data-testid="status-queue" data-pending={sync.pending} data-sync-state={sync.state}>
        {t('statusBar.queue', { count: sync.pending })} · {t(`status.sync.states.${sync.state}`)}
      </span>
      <span className={reference.stale ? 'status-warning' : undefined} data-testid="status-reference">
        {reference.stale && <span aria-hidden="true">▲ </span>}
        {t('statusBar.reference', { age: reference.fetchedAt === null ? t('status.sync.shipped') : relativeAge(reference.fetchedAt, new Date(), i18n.language) })}
      </span>
      {sync.clockWarning && (
        <span className="status-warning" role="alert" data-testid="status-clock">
          ▲ {t('statusBar.clock', { minutes: Math.round(Math.abs(sync.clockOffsetMs ?? 0) / 60_000) })}
        </span>
      )}
      {unauthorized ? (
        <span className="status-error" role="alert" data-testid="status-enrol-again">
          ▲ {t('statusBar.enrolAgain')}
        </span>
      ) : (
        verification.lastRefusal !== null && (
          <span className="status-error" role="alert" data-testid="status-verification-refused">
            ▲ {t('statusBar.verificationRefused', { status: verification.lastRefusal.status ?? verification.lastRefusal.code })}
          </span>
        )
      )}
      {sync.retroAlerts > 0 && (
        <span className="status-error" role="alert" data-testid="status-alerts">
          ▲ {t('statusBar.alerts', { count: sync.retroAlerts })}
        </span>
      )}
      {(storage.state === 'failing' || storage.alerts.length > 0) && (
        <span className="status-error" role="alert" data-testid="status-storage">
          ▲ {storage.state === 'failing' ? t('statusBar.storageFailing') : t('statusBar.storageAlert')}
        </span>
      )}
      <span className={healthyLanes < lanes.length ? 'status-warning' : undefined} data-testid="status-cameras">
        {healthyLanes < lanes.length && <span aria-hidden="true">▲ </span>}
        {t('statusBar.lanes', { healthy: healthyLanes, total: lanes.length })}
      </span>
    </footer>
  );
}
