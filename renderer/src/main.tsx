import { StrictMode, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { createStationClient, type StationClient } from '../../shared/contract/client';
import { App } from './App';
import { PreferencesProvider } from './preferences/use-preferences';
import { setupI18n } from './i18n/setup-i18n';
import { createElectronTransport, findPreloadApi } from './transport/electron-transport';
import { createWebSocketTransport, takeBridgeToken, type LinkState } from './transport/websocket-transport';
import './styles.css';

/** Link state as a tiny external store so the transport can report it before React renders. */
function createLinkStore() {
  let state: LinkState = 'connecting';
  const listeners = new Set<() => void>();
  return {
    set(next: LinkState) {
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => state,
  };
}

function Root({ client, linkStore }: { client: StationClient; linkStore: ReturnType<typeof createLinkStore> }) {
  const linkState = useSyncExternalStore(linkStore.subscribe, linkStore.get);
  return (
    <PreferencesProvider>
      <App client={client} linkState={linkState} />
    </PreferencesProvider>
  );
}

const i18n = await setupI18n();
const root = createRoot(document.getElementById('root')!);
const linkStore = createLinkStore();
const preloadApi = findPreloadApi();
const token = preloadApi === null ? takeBridgeToken() : null;

if (preloadApi === null && token === null) {
  root.render(<p className="banner banner-error">{i18n.t('app.noBridge')}</p>);
} else {
  const transport =
    preloadApi !== null
      ? (linkStore.set('open'), createElectronTransport(preloadApi))
      : createWebSocketTransport(token!, linkStore.set);
  const client = createStationClient(transport, (description) => console.warn('contract:', description));
  root.render(
    <StrictMode>
      <Root client={client} linkStore={linkStore} />
    </StrictMode>,
  );
}
