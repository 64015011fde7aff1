import { useTranslation } from 'react-i18next';
import type { LaneStatus } from '../../../shared/contract/status';
import type { Passage } from '../../../shared/records/passage';
import { VerdictIcon } from '../scan/VerdictIcon';
import { useFormatters } from '../shell/use-formatters';

/** History rows, identity masked by the core (the detail view shows the name to the officer who opens it). */
export function PassageTable({ passages, lanes, selectedId, onSelect }: { passages: Passage[]; lanes: LaneStatus[]; selectedId: string | null; onSelect(id: string): void }) {
  const { t } = useTranslation();
  const format = useFormatters(lanes);
  return (
    <table className="passage-table" data-testid="history-table">
      <thead>
        <tr>
          <th scope="col">{t('history.time')}</th>
          <th scope="col">{t('history.lane')}</th>
          <th scope="col">{t('history.verdict')}</th>
          <th scope="col">{t('history.name')}</th>
          <th scope="col">{t('history.idNumber')}</th>
          <th scope="col">{t('history.officer')}</th>
          <th scope="col">{t('history.plate')}</th>
          <th scope="col">{t('history.sync')}</th>
        </tr>
      </thead>
      <tbody>
        {passages.map((passage) => {
          const verdict = passage.override?.verdict ?? passage.verdict;
          return (
            <tr key={passage.id} aria-selected={passage.id === selectedId} data-testid="history-row" data-verdict={verdict}>
              <td>
                <button type="button" className="link" onClick={() => onSelect(passage.id)}>
                  {format.time(passage.scannedAt)}
                </button>
              </td>
              <td>{format.laneName(passage.laneId)}</td>
              <td className={`verdict-text verdict-${verdict}`}>
                <VerdictIcon verdict={verdict} /> {t(`verdict.words.${verdict}`)}
                {passage.override !== null && <span className="muted"> ({t('history.overridden')})</span>}
                {passage.alert !== null && passage.alert.acknowledgedAt === null && (
                  <span className="status-error" data-testid="history-alert">
                    {' '}
                    ▲ {t('history.alertMark')}
                  </span>
                )}
              </td>
              <td>{passage.identity.fullName ?? '—'}</td>
              <td>{passage.identity.idNumber ?? '—'}</td>
              <td data-testid="history-officer">{passage.officerId ?? <span className="muted">{t('history.noOfficer')}</span>}</td>
              <td>{passage.plate ?? ''}</td>
              <td>{t(`history.syncStates.${passage.syncState}`)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
