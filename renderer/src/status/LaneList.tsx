import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import type { LaneStatus } from '../../../shared/contract/status';
import { WebcamPreview } from '../camera/WebcamPreview';
import { useKeyboardWedge } from '../scanner/use-keyboard-wedge';

/** The last verdict per lane, from the core's `scan` events (the verdict panel is a later screen). */
function useLastVerdicts(client: StationClient): Record<string, string> {
  const [verdicts, setVerdicts] = useState<Record<string, string>>({});
  useEffect(() => client.on('scan', (scan) => setVerdicts((previous) => ({ ...previous, [scan.laneId]: scan.passageId === null ? 'notRecorded' : scan.verdict }))), [client]);
  return verdicts;
}

export function LaneList({ lanes, client }: { lanes: LaneStatus[]; client: StationClient }) {
  const { t } = useTranslation();
  const verdicts = useLastVerdicts(client);
  const keyboardLane = lanes.find((lane) => lane.source.startsWith('keyboard:'))?.id ?? null;
  const mangled = useKeyboardWedge(client, keyboardLane);
  return (
    <section className="card lanes-card" aria-labelledby="lanes-heading">
      <h2 id="lanes-heading">{t('status.lanes', { count: lanes.length })}</h2>
      <ul className="lanes" data-testid="lanes">
        {lanes.map((lane) => (
          <li key={lane.id} data-testid={`lane-${lane.id}`} data-state={lane.state}>
            <strong>{lane.name}</strong>
            <span className="muted">
              {t('status.laneSource')}: <code>{lane.source}</code> · {t(`lanes.states.${lane.state}`)}
            </span>
            {lane.state !== 'external' && (
              <span className="muted">{t('lanes.figures', { fpsIn: lane.fpsIn, fpsDecoded: lane.fpsDecoded, drops: lane.drops, restarts: lane.restarts })}</span>
            )}
            {lane.lastError !== null && <span className="muted">{t('lanes.lastError', { message: lane.lastError })}</span>}
            {lane.lastCodeAt !== null && <span className="muted">{t('lanes.lastCodeAt', { time: new Date(lane.lastCodeAt).toLocaleTimeString() })}</span>}
            {verdicts[lane.id] !== undefined && <span data-testid={`last-scan-${lane.id}`}>{t('lanes.lastScan', { verdict: t(`lanes.verdicts.${verdicts[lane.id]}`) })}</span>}
            {lane.source.startsWith('webcam:') && <WebcamPreview lane={lane} client={client} />}
            {lane.id === keyboardLane && mangled && (
              <p className="banner" role="alert">
                {t('lanes.mangledDiacritics')}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
