import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../shared/contract/client';
import { LanguageSwitch } from './LanguageSwitch';
import { StatusScreen } from './status/StatusScreen';
import { useStationStatus } from './status/use-station-status';
import type { LinkState } from './transport/websocket-transport';

export function App({ client, linkState }: { client: StationClient; linkState: LinkState }) {
  const { t } = useTranslation();
  const state = useStationStatus(client);
  return (
    <>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <LanguageSwitch />
      </header>
      {linkState !== 'open' && (
        <p className="banner" role="status">
          {t(`app.link.${linkState}`)}
        </p>
      )}
      {state.kind === 'loaded' && <StatusScreen status={state.status} client={client} />}
      {state.kind === 'failed' && (
        <p className="banner banner-error" role="alert">
          {t('app.loadFailed', { message: state.message })}
        </p>
      )}
    </>
  );
}
