import { useTranslation } from 'react-i18next';
import type { ScanResult, VneidChecks } from '../../../shared/records/scan-result';
import { useFormatters } from '../shell/use-formatters';
import { useReasonText } from './reason-text';
import { VerdictIcon } from './VerdictIcon';

export interface VerdictActions {
  /** Opens the override or plate/note dialog for the shown passage; absent when nobody may act. */
  onOverride?: (passageId: string) => void;
  onAnnotate?: (passageId: string) => void;
}

const checkMarks: Record<VneidChecks['time'], string> = { passed: '✓', failed: '✗', 'not-reached': '–', pending: '…' };

/** For a VNeID code: the app that issued it, the identity, the minute — each passed, failed, or waiting for the network. */
function VneidCheckList({ checks }: { checks: VneidChecks }) {
  const { t } = useTranslation();
  return (
    <section className="verdict-checks" data-testid="vneid-checks" aria-label={t('verdict.vneidChecks.title')}>
      <h3>{t('verdict.vneidChecks.title')}</h3>
      <ul>
        {(['genuineApp', 'identity', 'time'] as const).map((check) => (
          <li key={check} className={`check-${checks[check]}`} data-testid={`vneid-check-${check}`} data-state={checks[check]}>
            <span aria-hidden="true">{checkMarks[checks[check]]}</span> {t(`verdict.vneidChecks.${check}`)}: {t(`verdict.vneidChecks.state.${checks[check]}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The verdict, readable from two metres: colour, icon and words together, the person (name, masked
 * ID number, age), the reasons, online or offline — and NOT RECORDED when the store failed.
 */
export function VerdictPanel({ scan, laneName, ...actions }: { scan: ScanResult | null; laneName: string | null } & VerdictActions) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const format = useFormatters();
  if (scan === null) {
    return (
      <section className="verdict-panel verdict-idle" data-testid="verdict-panel" data-verdict="none" aria-live="polite">
        <p className="verdict-words">{t('verdict.waiting')}</p>
      </section>
    );
  }
  const { person, passageId } = scan;
  return (
    <section className={`verdict-panel verdict-${scan.verdict}`} data-testid="verdict-panel" data-verdict={scan.verdict} aria-live="assertive" aria-atomic="true">
      <div className="verdict-head">
        <VerdictIcon verdict={scan.verdict} />
        <p className="verdict-words" data-testid="verdict-words">
          {t(`verdict.words.${scan.verdict}`)}
        </p>
      </div>
      {passageId === null && (
        <p className="verdict-not-recorded" role="alert" data-testid="verdict-not-recorded">
          {t('verdict.notRecorded')}
        </p>
      )}
      {person !== null && (
        <dl className="verdict-person">
          <dt>{t('verdict.name')}</dt>
          <dd data-testid="verdict-name">{person.fullName ?? '—'}</dd>
          <dt>{t('verdict.idNumber')}</dt>
          <dd data-testid="verdict-id">{person.maskedIdNumber ?? '—'}</dd>
          <dt>{t('verdict.age')}</dt>
          <dd>{person.age ?? '—'}</dd>
        </dl>
      )}
      <ul className="verdict-reasons" data-testid="verdict-reasons">
        {scan.reasons.map((reason, index) => (
          <li key={`${reason.code}-${index}`}>{reasonText(reason)}</li>
        ))}
      </ul>
      {scan.vneidChecks !== null && <VneidCheckList checks={scan.vneidChecks} />}
      <p className="verdict-meta">
        <span className={`badge badge-${scan.verification === 'online' ? 'online' : 'offline'}`} data-testid="verdict-verification">
          {t(`verdict.verification.${scan.verification}`)}
        </span>{' '}
        {laneName !== null && <span>{laneName} · </span>}
        <time dateTime={scan.scannedAt}>{format.time(scan.scannedAt)}</time>
      </p>
      {passageId !== null && (actions.onOverride !== undefined || actions.onAnnotate !== undefined) && (
        <div className="verdict-actions">
          {actions.onOverride && (
            <button type="button" onClick={() => actions.onOverride?.(passageId)} aria-keyshortcuts="Alt+O" data-testid="verdict-override">
              {t('verdict.override')}
            </button>
          )}
          {actions.onAnnotate && (
            <button type="button" onClick={() => actions.onAnnotate?.(passageId)} aria-keyshortcuts="Alt+B" data-testid="verdict-annotate">
              {t('verdict.annotate')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
