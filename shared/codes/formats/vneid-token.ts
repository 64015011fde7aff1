// The VNeID app's verification QR: an opaque token, valid for about a minute, that only the central
// system can verify. We recognise it and hand it on; we never try to read personal data out of it.

/**
 * Default shape: one run of URL- and base64-safe characters. The real token format is not public,
 * so the station configures the pattern; this default is deliberately broad and tried last.
 */
export const DEFAULT_VNEID_TOKEN_PATTERN = /^[A-Za-z0-9._~+/=-]{16,1024}$/;

/** A configured pattern only ever sees payloads this long, which bounds a badly written one. */
const MAX_TOKEN_LENGTH = 1024;

export function isVneidToken(text: string, pattern: RegExp = DEFAULT_VNEID_TOKEN_PATTERN): boolean {
  if (text.length > MAX_TOKEN_LENGTH) return false;
  // A configured /g or /y pattern would carry lastIndex from one scan to the next.
  const stateless = pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
  return stateless.test(text);
}
