import { isIP } from 'node:net';

/**
 * Plain HTTP only to this machine (the embedded reference API, tests); anything that leaves the
 * laptop goes over HTTPS, because it carries citizens' identities.
 */
export function checkApiUrl(url: string): { ok: true; url: URL } | { ok: false; reason: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: `not a URL: ${url}` };
  }
  if (parsed.protocol === 'https:') return { ok: true, url: parsed };
  if (parsed.protocol === 'http:' && isLoopback(parsed.hostname)) return { ok: true, url: parsed };
  return { ok: false, reason: `${parsed.protocol}//${parsed.host} is not allowed: use https (plain http only to this machine)` };
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}
