import type { BrowserWindowConstructorOptions } from 'electron';
import type { StationConfig } from '../../shared/config/station-config';

/**
 * The hardened window: sandboxed, context-isolated renderer with no Node and no webviews. In kiosk
 * mode (a dedicated station) it fills the screen and cannot be left but by quitting.
 */
export interface WindowMode extends Pick<StationConfig['desktop'], 'kiosk'> {
  /** Developer tools: for a development run only, never in the packaged app an officer uses. */
  devTools: boolean;
}

export function createWindowOptions(preloadPath: string, mode: WindowMode): BrowserWindowConstructorOptions {
  return {
    kiosk: mode.kiosk,
    fullscreen: mode.kiosk,
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#0f1216',
    title: 'Trạm kiểm soát',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: mode.devTools,
    },
  };
}
