import type { Session, WebContents } from 'electron';
import { isNavigationAllowed, isPermissionCheckAllowed, isPermissionRequestAllowed } from './security-policy';

/** The parts of a web contents the guard touches, so tests can hand it a typed fake. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
export type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/** Applied to every web contents: no navigation away, no redirects, no new windows, no webviews. */
export function lockDownContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Covers window.open, target=_blank and middle-click alike; nothing is ever opened outside.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Camera (and the serial scanners' ports) for our own page; every other permission is refused. */
export function installPermissionHandlers(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionRequestAllowed(permission, details.requestingUrl, 'mediaTypes' in details ? details.mediaTypes : undefined)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionCheckAllowed(permission, requestingOrigin, details.mediaType),
  );
}
