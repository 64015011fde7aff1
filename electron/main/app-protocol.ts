import { protocol } from 'electron';
import { readStaticFile } from '../core/bridge/static-files';
import { appHost, appScheme } from './security-policy';

/** Must run before `app.whenReady()`: the scheme behaves like https (secure context, fetch, CSP). */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `rendererDir` at app://station/, with the app's CSP on every response. */
export function serveAppProtocol(rendererDir: string, contentSecurityPolicy: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost ? await readStaticFile(rendererDir, url.pathname) : null;
    if (file === null) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'content-type': file.contentType,
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
