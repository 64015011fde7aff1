import { useTranslation } from 'react-i18next';
import type { LaneStatus } from '../../../shared/contract/status';

/** Lane states an officer must act on or wait for. */
export const unhealthyLaneStates: ReadonlySet<LaneStatus['state']> = new Set(['restarting', 'failed', 'stopped']);

/** A lane's health in words with a shape, never colour alone. */
export function LaneHealth({ lane }: { lane: LaneStatus }) {
  const { t } = useTranslation();
  const healthy = !unhealthyLaneStates.has(lane.state);
  return (
    <span className={`lane-health ${healthy ? 'lane-ok' : 'lane-bad'}`} data-testid={`lane-health-${lane.id}`} data-state={lane.state}>
      <span aria-hidden="true">{healthy ? '●' : '▲'}</span> {t(`lanes.states.${lane.state}`)}
    </span>
  );
}
