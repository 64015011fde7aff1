import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import { CommandErrorBanner } from '../shell/CommandError';
import { reportQueueFor } from './report-queue';

/** On a lane's card: scans decoded in this window that the station does not have yet, or has refused. */
export function LaneReportsNotice({ client, laneId }: { client: StationClient; laneId: string }) {
  const { t } = useTranslation();
  const queue = reportQueueFor(client);
  const reports = useSyncExternalStore(queue.subscribe, () => queue.lane(laneId));
  return (
    <>
      {reports.waiting > 0 && (
        <p className="banner" role="status" data-testid={`reports-waiting-${laneId}`}>
          {t('lanes.reportsWaiting', { count: reports.waiting })}
        </p>
      )}
      {reports.dropped !== null && (
        <div data-testid={`reports-dropped-${laneId}`}>
          <CommandErrorBanner error={reports.dropped.error} context="reportDecodedCode" />
          <p className="muted">
            {t('lanes.reportsDropped', { count: reports.dropped.count })}{' '}
            <button type="button" className="link" onClick={() => queue.dismiss(laneId)}>
              {t('common.close')}
            </button>
          </p>
        </div>
      )}
    </>
  );
}
