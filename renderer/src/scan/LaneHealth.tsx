import { useTranslation } from 'react-i18next';
import type { LaneStatus } from '../../../shared/contract/status';

/** Lane states an officer must act on or wait for. */
export const unhealthyLaneStates: ReadonlySet<LaneStatus['state']> = new Set(['restarting', 'failed', 'stopped']);

/** A lane's health in words with a shape, never colour alone; a camera still opening says how far it got. */
export function LaneHealth({ lane }: { lane: LaneStatus }) {
  const { t } = useTranslation();
  const healthy = !unhealthyLaneStates.has(lane.state);
  const opening = lane.phase === 'connecting' || lane.phase === 'waiting-for-picture' ? lane.phase : null;
  return (
    <span className={`lane-health ${healthy ? 'lane-ok' : 'lane-bad'}`} data-testid={`lane-health-${lane.id}`} data-state={lane.state} data-phase={lane.phase ?? undefined}>
      <span aria-hidden="true">{healthy ? '●' : '▲'}</span> {opening === null ? t(`lanes.states.${lane.state}`) : t(`lanes.phases.${opening}`)}
    </span>
  );
}
