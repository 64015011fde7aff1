/**
 * The one Content-Security-Policy of the app, for the Electron custom protocol and the
 * browser-mode server alike. No inline scripts; WebAssembly (the QR decoder) needs
 * 'wasm-unsafe-eval' and nothing wider; connections only to the station itself and the
 * configured central API.
 */
export function buildContentSecurityPolicy(options: { connectSources: readonly string[] }): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'blob:', 'mediastream:'],
    'font-src': ["'self'"],
    'worker-src': ["'self'"],
    'connect-src': ["'self'", ...options.connectSources],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
