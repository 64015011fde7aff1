import { useEffect, useState } from 'react';
import type { StationClient } from '../../../shared/contract/client';
import type { ScanResult } from '../../../shared/records/scan-result';
import { usePreferences } from '../preferences/use-preferences';
import { playVerdictSound } from './verdict-sounds';

/**
 * The scans as the officer follows them, on every screen: the newest one (with its sound), cleared
 * after the officer's chosen time (0 = kept until the next scan) or by `clear()` (Esc); and each
 * lane's last scan for the lanes grid.
 */
export function useScanFeed(client: StationClient) {
  const { preferences } = usePreferences();
  const [latest, setLatest] = useState<{ scan: ScanResult; seq: number } | null>(null);
  const [byLane, setByLane] = useState<Record<string, ScanResult>>({});
  const { sound, verdictClearSeconds } = preferences;

  useEffect(
    () =>
      client.on('scan', (scan) => {
        setLatest((previous) => ({ scan, seq: (previous?.seq ?? 0) + 1 }));
        setByLane((previous) => ({ ...previous, [scan.laneId]: scan }));
        if (sound) playVerdictSound(scan.verdict);
      }),
    [client, sound],
  );
  useEffect(() => {
    if (latest === null || verdictClearSeconds === 0) return;
    const timer = setTimeout(() => setLatest(null), verdictClearSeconds * 1000);
    return () => clearTimeout(timer);
  }, [latest, verdictClearSeconds]);

  return { latest: latest?.scan ?? null, byLane, clear: () => setLatest(null) };
}

export type ScanFeed = ReturnType<typeof useScanFeed>;
