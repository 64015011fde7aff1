import { contextBridge, ipcRenderer } from 'electron';
import { commandNames, type CommandName } from '../../shared/contract/command-names';
import { ipcChannels, preloadGlobalName, type PreloadApi } from '../../shared/contract/preload-api';

// Named methods only: the page never gets ipcRenderer or an IPC event object.
const methods = Object.fromEntries(
  commandNames.map((command: CommandName) => [command, (input: unknown) => ipcRenderer.invoke(ipcChannels.invoke, command, input)]),
);

const api = {
  ...methods,
  subscribe(listener: (event: string, payload: unknown) => void) {
    const forward = (_event: Electron.IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(ipcChannels.event, forward);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, forward);
    };
  },
} as PreloadApi;

contextBridge.exposeInMainWorld(preloadGlobalName, api);
