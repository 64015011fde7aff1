import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaneStatus } from '../../../shared/contract/status';
import { manualLaneId } from '../declaration/manual-lane';
import { formatDateTime, formatTime } from './date-format';

/**
 * Times as Vietnamese officers write them in either language (14:05:09, 01/12/2026 14:05:09; never
 * the browser's 2:05:09 PM or 12/1/2026) and lane ids as the names the officer gave them.
 */
export function useFormatters(lanes: readonly LaneStatus[] = []) {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      time: (iso: string) => formatTime(new Date(iso)),
      dateTime: (iso: string) => formatDateTime(new Date(iso)),
      laneName: (laneId: string) => (laneId === manualLaneId ? t('lanes.manual') : (lanes.find((lane) => lane.id === laneId)?.name ?? laneId)),
    }),
    [lanes, t],
  );
}
