import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
};

/**
 * Maps a request path to a file inside `root`, or null when it would escape it. Paths without an
 * extension are app routes and get index.html.
 */
export function resolveStaticPath(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = extname(decoded) === '' ? 'index.html' : decoded;
  const resolved = normalize(join(root, relative));
  return resolved.startsWith(root.endsWith(sep) ? root : root + sep) ? resolved : null;
}

export async function readStaticFile(root: string, requestPath: string): Promise<{ body: Buffer; contentType: string } | null> {
  const path = resolveStaticPath(root, requestPath);
  if (path === null) return null;
  try {
    const body = await readFile(path);
    return { body, contentType: contentTypes[extname(path)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
