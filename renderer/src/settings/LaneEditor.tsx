import { useTranslation } from 'react-i18next';
import type { LaneConfig } from '../../../shared/config/station-config';
import { CameraPicker } from './CameraPicker';

/** The station's lanes: id, name and source each; a webcam lane gets the camera picker. */
export function LaneEditor({ lanes, onChange }: { lanes: LaneConfig[]; onChange(lanes: LaneConfig[]): void }) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<LaneConfig>) => onChange(lanes.map((lane, at) => (at === index ? { ...lane, ...change } : lane)));
  return (
    <fieldset className="lane-editor">
      <legend>{t('settings.lanes')}</legend>
      {lanes.map((lane, index) => (
        <div key={index} className="lane-editor-row" data-testid={`lane-editor-${index}`}>
          <label className="field">
            <span>{t('settings.laneId')}</span>
            <input value={lane.id} onChange={(event) => update(index, { id: event.target.value })} />
          </label>
          <label className="field">
            <span>{t('settings.laneName')}</span>
            <input value={lane.name} onChange={(event) => update(index, { name: event.target.value })} />
          </label>
          <label className="field">
            <span>{t('settings.laneSource')}</span>
            <input value={lane.source} onChange={(event) => update(index, { source: event.target.value })} aria-describedby="lane-source-hint" />
          </label>
          {lane.source.startsWith('webcam:') && <CameraPicker laneId={lane.id} source={lane.source} onChange={(source) => update(index, { source })} />}
          <button type="button" onClick={() => onChange(lanes.filter((_, at) => at !== index))} disabled={lanes.length === 1}>
            {t('settings.removeLane')}
          </button>
        </div>
      ))}
      <p className="muted" id="lane-source-hint">
        {t('settings.laneSourceHint')}
      </p>
      <button type="button" onClick={() => onChange([...lanes, { id: `lane-${lanes.length + 1}`, name: t('settings.newLaneName', { number: lanes.length + 1 }), source: 'webcam:default' }])}>
        {t('settings.addLane')}
      </button>
    </fieldset>
  );
}
