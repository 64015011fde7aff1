import type { ReactNode } from 'react';
import type { StationClient } from '../../../shared/contract/client';
import type { LaneStatus } from '../../../shared/contract/status';
import type { ScanFeed } from './use-scan-feed';
import { useFormatters } from '../shell/use-formatters';
import { LanesGrid } from './LanesGrid';
import { VerdictPanel, type VerdictActions } from './VerdictPanel';

/**
 * The officer's main screen: the newest verdict, big, beside every lane. Before anyone signs in the
 * sign-in (or first-run) form takes the verdict's place, and the lanes go on scanning and recording
 * beside it: the lanes keep their place in the tree, so signing in or out never restarts a camera.
 */
export function ScanView({ client, lanes, feed, actions, signIn }: { client: StationClient; lanes: LaneStatus[]; feed: ScanFeed; actions: VerdictActions; signIn: ReactNode | null }) {
  const { laneName } = useFormatters(lanes);
  return (
    <main className="scan-view">
      {signIn ?? <VerdictPanel scan={feed.latest} laneName={feed.latest === null ? null : laneName(feed.latest.laneId)} {...actions} />}
      <LanesGrid lanes={lanes} lastScans={feed.byLane} client={client} />
    </main>
  );
}
