import { describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  isAppUrl,
  isNavigationAllowed,
  isPermissionCheckAllowed,
  isPermissionRequestAllowed,
  isTrustedSender,
} from '../../electron/main/security-policy';

describe('shell security policy', () => {
  it('recognises only our own scheme and host as the app', () => {
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(isAppUrl('app://station/assets/index.js')).toBe(true);
    for (const foreign of ['app://evil/index.html', 'https://station/', 'file:///etc/passwd', 'http://127.0.0.1:5173/', 'javascript:alert(1)', 'not a url', '']) {
      expect(isAppUrl(foreign), foreign).toBe(false);
    }
  });

  it('denies navigation anywhere but the app itself', () => {
    expect(isNavigationAllowed('app://station/index.html')).toBe(true);
    expect(isNavigationAllowed('https://example.com/')).toBe(false);
    expect(isNavigationAllowed('file:///C:/Windows/System32/')).toBe(false);
    expect(isNavigationAllowed('app://station.evil.com/')).toBe(false);
  });

  it('grants the camera to our own page and nothing else', () => {
    expect(isPermissionRequestAllowed('media', appEntryUrl, ['video'])).toBe(true);
    expect(isPermissionRequestAllowed('media', appEntryUrl, ['audio'])).toBe(false);
    expect(isPermissionRequestAllowed('media', appEntryUrl, ['video', 'audio'])).toBe(false);
    expect(isPermissionRequestAllowed('media', appEntryUrl, [])).toBe(false);
    expect(isPermissionRequestAllowed('media', appEntryUrl, undefined)).toBe(false);
    expect(isPermissionRequestAllowed('media', 'https://evil.example/', ['video'])).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi', 'pointerLock', 'fullscreen']) {
      expect(isPermissionRequestAllowed(permission, appEntryUrl, undefined), permission).toBe(false);
    }
  });

  it('answers permission checks the same way', () => {
    expect(isPermissionCheckAllowed('media', 'app://station', 'video')).toBe(true);
    expect(isPermissionCheckAllowed('media', 'app://station', 'audio')).toBe(false);
    expect(isPermissionCheckAllowed('media', 'https://evil.example', 'video')).toBe(false);
    expect(isPermissionCheckAllowed('geolocation', 'app://station', undefined)).toBe(false);
  });

  it('trusts IPC only from our own top-level frame', () => {
    expect(isTrustedSender({ frameUrl: appEntryUrl, isTopLevelFrame: true })).toBe(true);
    expect(isTrustedSender({ frameUrl: appEntryUrl, isTopLevelFrame: false })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://evil.example/', isTopLevelFrame: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: null, isTopLevelFrame: true })).toBe(false);
  });
});
