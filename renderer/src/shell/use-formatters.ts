import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaneStatus } from '../../../shared/contract/status';
import { manualLaneId } from '../declaration/manual-lane';

/**
 * Times in the screen's language (vi: 14:05:09, not the browser's 2:05:09 PM) and lane ids as the
 * names the officer gave them.
 */
export function useFormatters(lanes: readonly LaneStatus[] = []) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  return useMemo(
    () => ({
      time: (iso: string) => new Date(iso).toLocaleTimeString(locale),
      dateTime: (iso: string) => new Date(iso).toLocaleString(locale),
      laneName: (laneId: string) => (laneId === manualLaneId ? t('lanes.manual') : (lanes.find((lane) => lane.id === laneId)?.name ?? laneId)),
    }),
    [locale, lanes, t],
  );
}
