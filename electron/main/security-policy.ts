/**
 * The shell's security decisions as pure functions, so each is unit-tested without Electron.
 * The app is served from its own privileged scheme; everything else is foreign.
 */

export const appScheme = 'app';
export const appHost = 'station';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/** In-app navigation only; the app is a single page, so this only ever allows reloads. */
export function isNavigationAllowed(targetUrl: string): boolean {
  return isAppUrl(targetUrl);
}

/** Camera only (never microphone, geolocation, notifications…), and only for our own pages. */
export function isPermissionRequestAllowed(
  permission: string,
  requestingUrl: string,
  mediaTypes: readonly string[] | undefined,
): boolean {
  if (!isAppUrl(requestingUrl)) return false;
  if (permission !== 'media') return false;
  return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}

/** Chromium's synchronous permission checks (e.g. enumerating camera labels). */
export function isPermissionCheckAllowed(permission: string, requestingOrigin: string, mediaType: string | undefined): boolean {
  if (!isAppUrl(requestingOrigin)) return false;
  return permission === 'media' && (mediaType === undefined || mediaType === 'video');
}

export interface IpcSender {
  /** URL of the frame that sent the message (null when the frame is gone). */
  frameUrl: string | null;
  /** True when the sending frame is the window's top-level frame. */
  isTopLevelFrame: boolean;
}

/** Only our own top-level page may call the core: no iframe, no foreign page. */
export function isTrustedSender(sender: IpcSender): boolean {
  return sender.isTopLevelFrame && sender.frameUrl !== null && isAppUrl(sender.frameUrl);
}
