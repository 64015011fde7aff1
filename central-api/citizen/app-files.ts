// The citizen app's page (built by `npm run build:citizen` into dist/citizen/), served at /citizen/
// from memory: read once at start, so a request can only ever name one of the built files.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildContentSecurityPolicy } from '../../shared/security/content-security-policy';
import { sendProblem } from '../problem';

const builtDir = fileURLToPath(new URL('../../dist/citizen/', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The station's own CSP (shared): scripts, styles and the decoder's WebAssembly from this origin only, calls to this origin only. */
const contentSecurityPolicy = buildContentSecurityPolicy({ connectSources: [] });

export function registerCitizenApp(app: FastifyInstance): void {
  const files = new Map<string, { body: Buffer; type: string }>();
  if (existsSync(join(builtDir, 'index.html'))) {
    for (const path of filesUnder(builtDir)) {
      const type = contentTypes[extname(path)];
      if (type !== undefined) files.set(relative(builtDir, path).split(sep).join('/'), { body: readFileSync(path), type });
    }
  }
  app.get('/citizen', (_request, reply) => reply.redirect('/citizen/'));
  app.get<{ Params: { '*': string } }>('/citizen/*', (request, reply) => {
    const path = request.params['*'] || 'index.html';
    if (path.startsWith('api/')) return sendProblem(reply, 404, 'not_found', `no route ${request.method} /citizen/${path}`);
    const file = files.get(path);
    if (file === undefined) {
      const message = files.size === 0 ? 'The citizen app is not built: run `npm run build:citizen`.' : 'No such file.';
      return reply.code(files.size === 0 ? 503 : 404).type('text/plain; charset=utf-8').send(message);
    }
    // The page opens the phone's camera to read the card's QR; nothing else may.
    return reply.header('content-security-policy', contentSecurityPolicy).header('permissions-policy', 'camera=(self)').type(file.type).send(file.body);
  });
}
