import type { CommandName } from './command-names';

/**
 * What the Electron preload exposes on `window.stationBridge`: one named method per contract
 * command, and an event subscription. Never the raw ipcRenderer, never an IPC event object.
 * Inputs and results are untrusted here; the main process and the client validate them.
 */
export type PreloadApi = { [N in CommandName]: (input: unknown) => Promise<unknown> } & {
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
};

export const preloadGlobalName = 'stationBridge';

/** IPC channel names shared by the preload and the main process. */
export const ipcChannels = { invoke: 'station:invoke', event: 'station:event' } as const;
