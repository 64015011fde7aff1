import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../electron/main/window-options';

describe('main window options', () => {
  it('are the hardened set: sandbox, context isolation, no Node, no webviews', () => {
    const { webPreferences } = createWindowOptions('/app/preload.cjs', { kiosk: false, devTools: false });
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });

  it('fill the screen in kiosk mode, and only there', () => {
    expect(createWindowOptions('/p', { kiosk: true, devTools: false })).toMatchObject({ kiosk: true, fullscreen: true });
    expect(createWindowOptions('/p', { kiosk: false, devTools: false })).toMatchObject({ kiosk: false, fullscreen: false });
  });
});
