import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import type { LaneStatus } from '../../../shared/contract/status';
import type { Passage } from '../../../shared/records/passage';
import { AnnotateForm } from '../passage/AnnotateForm';
import { OverrideForm } from '../passage/OverrideForm';
import { useReasonText } from '../scan/reason-text';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';
import { useFormatters } from '../shell/use-formatters';

/** One passage in full for the officer who opened it, with the override and plate/note forms. */
export function PassageDetail({ client, lanes, passageId, onChanged }: { client: StationClient; lanes: LaneStatus[]; passageId: string; onChanged(passage: Passage): void }) {
  const { t } = useTranslation();
  const format = useFormatters(lanes);
  const reasonText = useReasonText();
  const load = useCommand(client, 'getPassage');
  const acknowledge = useCommand(client, 'acknowledgeAlert');
  const [passage, setPassage] = useState<Passage | null>(null);
  const { run } = load;

  useEffect(() => {
    setPassage(null);
    void run({ id: passageId }).then(setPassage);
  }, [run, passageId]);

  if (load.state.kind === 'failed') return <CommandErrorBanner error={load.state.error} />;
  if (passage === null) return <p className="muted">{t('common.loading')}</p>;
  const changed = (next: Passage) => {
    setPassage(next);
    onChanged(next);
  };
  const { identity, override, alert } = passage;
  return (
    <section className="card passage-detail" aria-labelledby="detail-heading" data-testid="passage-detail">
      <h2 id="detail-heading">{t('detail.heading')}</h2>
      {alert !== null && (
        <div className={alert.acknowledgedAt === null ? 'banner banner-error' : 'banner'} role={alert.acknowledgedAt === null ? 'alert' : 'status'} data-testid="detail-alert">
          <strong>{t('detail.alert')}: </strong>
          {t('detail.alertRaised', { kind: t(`alerts.${alert.kind}`), time: format.dateTime(alert.raisedAt) })}
          {alert.acknowledgedAt === null ? (
            <button type="button" onClick={() => void acknowledge.run({ passageId: passage.id }).then((next) => next !== null && changed(next))} data-testid="acknowledge-alert">
              {t('detail.acknowledge')}
            </button>
          ) : (
            <span> · {t('detail.alertAcknowledged', { officer: alert.acknowledgedBy, time: format.dateTime(alert.acknowledgedAt) })}</span>
          )}
          {acknowledge.state.kind === 'failed' && <CommandErrorBanner error={acknowledge.state.error} />}
        </div>
      )}
      <dl>
        <dt>{t('detail.scannedAt')}</dt>
        <dd>{format.dateTime(passage.scannedAt)}</dd>
        <dt>{t('history.lane')}</dt>
        <dd>{format.laneName(passage.laneId)}</dd>
        <dt>{t('detail.codeKind')}</dt>
        <dd>{t(`codeKinds.${passage.codeKind}`, { defaultValue: passage.codeKind })}</dd>
        <dt>{t('detail.stationVerdict')}</dt>
        <dd data-testid="detail-verdict">{t(`verdict.words.${passage.verdict}`)}</dd>
        <dt>{t('detail.reasons')}</dt>
        <dd>{passage.reasons.map(reasonText).join(' · ') || '—'}</dd>
        <dt>{t('detail.verification')}</dt>
        <dd>{t(`verdict.verification.${passage.verification}`)}</dd>
        {override !== null && (
          <>
            <dt>{t('detail.override')}</dt>
            <dd data-testid="detail-override">
              {t('detail.overrideText', { verdict: t(`verdict.words.${override.verdict}`), officer: override.officerId, time: format.time(override.at), reason: override.reason })}
            </dd>
          </>
        )}
        <dt>{t('history.name')}</dt>
        <dd>{identity.fullName ?? '—'}</dd>
        <dt>{t('history.idNumber')}</dt>
        <dd>{identity.idNumber ?? '—'}</dd>
        <dt>{t('detail.birthYear')}</dt>
        <dd>{identity.birthDate?.slice(0, 4) ?? '—'}</dd>
        <dt>{t('history.plate')}</dt>
        <dd data-testid="detail-plate">{passage.plate ?? '—'}</dd>
        <dt>{t('detail.note')}</dt>
        <dd data-testid="detail-note">{passage.note ?? '—'}</dd>
        <dt>{t('detail.officer')}</dt>
        <dd>{passage.officerId ?? t('history.noOfficer')}</dd>
        <dt>{t('history.sync')}</dt>
        <dd>
          {t(`history.syncStates.${passage.syncState}`)}
          {passage.lastSyncError !== null && ` · ${passage.lastSyncError}`}
        </dd>
      </dl>
      <details>
        <summary>{t('override.heading')}</summary>
        <OverrideForm client={client} passageId={passage.id} current={override?.verdict ?? passage.verdict} onDone={changed} />
      </details>
      <details>
        <summary>{t('annotate.heading')}</summary>
        <AnnotateForm key={passage.revision} client={client} passageId={passage.id} plate={passage.plate} note={passage.note} onDone={changed} />
      </details>
    </section>
  );
}
