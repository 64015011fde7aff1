/** `rtsp://user:pass@host/…` → `rtsp://***@host/…`: camera URLs carry their passwords, and neither a log nor a screen may show them. */
const userInfo = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"']+@/gi;

export function withoutUrlCredentials(text: string): string {
  return text.includes('@') ? text.replace(userInfo, '$1***@') : text;
}
