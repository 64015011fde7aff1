import { useTranslation } from 'react-i18next';
import type { Connectivity } from '../../../shared/contract/status';

const icons: Record<Connectivity['state'], string> = { online: '●', offline: '○', unconfigured: '◌' };

/** Online/offline at a glance: colour, icon and words, never colour alone. */
export function ConnectivityBadge({ connectivity }: { connectivity: Connectivity }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${connectivity.state}`} data-testid="connectivity" data-state={connectivity.state}>
      <span aria-hidden="true">{icons[connectivity.state]}</span> {t(`status.connectivity.${connectivity.state}`)}
    </span>
  );
}
