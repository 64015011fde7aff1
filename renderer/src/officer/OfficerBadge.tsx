import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import type { OfficerSession } from '../../../shared/records/officer';

/** Who is on shift, and the way out. */
export function OfficerBadge({ officer, client }: { officer: OfficerSession; client: StationClient }) {
  const { t } = useTranslation();
  return (
    <span className="officer-badge" data-testid="officer-badge">
      <span>{t('officer.onShift', { name: officer.name, id: officer.officerId })}</span>{' '}
      <button type="button" onClick={() => void client.invoke('signOut', undefined)} data-testid="sign-out">
        {t('officer.signOut')}
      </button>
    </span>
  );
}
