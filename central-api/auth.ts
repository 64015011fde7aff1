import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FastifyInstance } from 'fastify';
import { stationForToken } from './db/stations';
import { sendProblem } from './problem';

const bearer = /^Bearer\s+(\S+)\s*$/i;

/**
 * Every operation the document secures needs `Authorization: Bearer <station token>`. Checked when
 * the request arrives, before its body is read or validated: a stranger learns nothing but 401.
 */
export function installAuthentication(app: FastifyInstance, db: Database): void {
  app.decorateRequest('stationId', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.authenticated !== true) return;
    const token = bearer.exec(request.headers.authorization ?? '')?.[1];
    const stationId = token === undefined ? undefined : stationForToken(db, token);
    if (stationId === undefined) {
      reply.header('www-authenticate', 'Bearer');
      return sendProblem(reply, 401, 'unauthorized', token === undefined ? 'a station token is required' : 'the station token is unknown or was revoked');
    }
    request.stationId = stationId;
  });
}
