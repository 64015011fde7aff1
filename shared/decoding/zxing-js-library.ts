import * as namespace from '@zxing/library';

/**
 * @zxing/library ships CommonJS (main) and an ES build (module) without "exports". Node's ESM loader
 * takes the CommonJS build and exposes it only as `default`; bundlers take the ES build with named
 * exports. This picks whichever this host gave us.
 */
export const zxing: typeof namespace = (namespace as { default?: typeof namespace }).default ?? namespace;
