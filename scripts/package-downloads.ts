/**
 * electron-builder downloads the Electron release for each target (and, for some targets, its
 * packaging tools) from GitHub. Where that host is unreachable — our CI machines — its error is a
 * long network trace; this turns it into the one sentence saying what is needed.
 */
const networkFailure = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|dial tcp|socket hang up|unable to get local issuer|status code 40[34]|Failed to download|cannot download/i;

export function missingDownloadMessage(error: unknown, electronVersion: string): string | null {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  if (!networkFailure.test(text)) return null;
  return (
    `npm run package needs the Electron ${electronVersion} release archive (electron-v${electronVersion}-<platform>-x64.zip, with electron-builder's packaging tools, from github.com) ` +
    'and this machine cannot download it: put the zip in the Electron cache (ELECTRON_CACHE, by default ~/.cache/electron) or set ELECTRON_MIRROR to a reachable mirror, then run it again.'
  );
}
