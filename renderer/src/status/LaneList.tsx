import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../../shared/contract/status';

export function LaneList({ lanes }: { lanes: StationStatus['lanes'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="lanes-heading">
      <h2 id="lanes-heading">{t('status.lanes', { count: lanes.length })}</h2>
      <ul className="lanes" data-testid="lanes">
        {lanes.map((lane) => (
          <li key={lane.id}>
            <strong>{lane.name}</strong>
            <span className="muted">
              {t('status.laneSource')}: <code>{lane.source}</code>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
