import type { StationClient } from '../../../shared/contract/client';
import type { LaneStatus } from '../../../shared/contract/status';
import type { ScanFeed } from './use-scan-feed';
import { useFormatters } from '../shell/use-formatters';
import { LanesGrid } from './LanesGrid';
import { VerdictPanel, type VerdictActions } from './VerdictPanel';

/** The officer's main screen: the newest verdict, big, beside every lane. */
export function ScanView({ client, lanes, feed, actions }: { client: StationClient; lanes: LaneStatus[]; feed: ScanFeed; actions: VerdictActions }) {
  const { laneName } = useFormatters(lanes);
  return (
    <main className="scan-view">
      <VerdictPanel scan={feed.latest} laneName={feed.latest === null ? null : laneName(feed.latest.laneId)} {...actions} />
      <LanesGrid lanes={lanes} lastScans={feed.byLane} client={client} />
    </main>
  );
}
