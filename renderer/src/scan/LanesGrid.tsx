import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import type { LaneStatus } from '../../../shared/contract/status';
import type { ScanResult } from '../../../shared/records/scan-result';
import { WebcamPreview } from '../camera/WebcamPreview';
import { LaneReportsNotice } from '../lanes/LaneReportsNotice';
import { useKeyboardWedge } from '../scanner/use-keyboard-wedge';
import { LaneHealth } from './LaneHealth';
import { VerdictIcon } from './VerdictIcon';

/** Every lane at once: its last verdict, its frame rates and health, and the webcam's preview. */
export function LanesGrid({ lanes, lastScans, client }: { lanes: LaneStatus[]; lastScans: Record<string, ScanResult>; client: StationClient }) {
  const { t } = useTranslation();
  const keyboardLane = lanes.find((lane) => lane.source.startsWith('keyboard:'))?.id ?? null;
  const mangled = useKeyboardWedge(client, keyboardLane);
  return (
    <section className="lanes-grid" aria-label={t('lanes.heading', { count: lanes.length })} data-testid="lanes">
      {lanes.map((lane) => {
        const last = lastScans[lane.id];
        return (
          <article key={lane.id} className="card lane-card" data-testid={`lane-${lane.id}`} data-state={lane.state}>
            <header className="lane-card-head">
              <h2>{lane.name}</h2>
              <LaneHealth lane={lane} />
            </header>
            {last !== undefined && (
              <p className={`lane-last verdict-${last.verdict}`} data-testid={`last-scan-${lane.id}`} data-verdict={last.verdict}>
                <VerdictIcon verdict={last.verdict} /> {t(`verdict.words.${last.verdict}`)}
                {last.passageId === null && <strong> · {t('verdict.notRecorded')}</strong>}
              </p>
            )}
            {lane.state !== 'external' && (
              <p className="muted">{t('lanes.figures', { fpsIn: lane.fpsIn, fpsDecoded: lane.fpsDecoded, drops: lane.drops, restarts: lane.restarts })}</p>
            )}
            {lane.lastError !== null && <p className="muted">{t('lanes.lastError', { message: lane.lastError })}</p>}
            {lane.source.startsWith('webcam:') && <WebcamPreview lane={lane} client={client} />}
            <LaneReportsNotice client={client} laneId={lane.id} />
            {lane.id === keyboardLane && mangled && (
              <p className="banner" role="alert">
                {t('lanes.mangledDiacritics')}
              </p>
            )}
          </article>
        );
      })}
    </section>
  );
}
