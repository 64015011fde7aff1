import type { Transport } from '../../../shared/contract/client';
import { preloadGlobalName, type PreloadApi } from '../../../shared/contract/preload-api';

/** The preload's bridge, present only when running inside the Electron shell. */
export function findPreloadApi(): PreloadApi | null {
  const candidate = (window as unknown as Record<string, unknown>)[preloadGlobalName];
  return typeof candidate === 'object' && candidate !== null ? (candidate as PreloadApi) : null;
}

export function createElectronTransport(api: PreloadApi): Transport {
  return {
    invoke: (command, input) => (api[command] as (input: unknown) => Promise<unknown>)(input),
    subscribe: (listener) => api.subscribe(listener),
  };
}
