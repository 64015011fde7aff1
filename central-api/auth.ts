import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FastifyInstance } from 'fastify';
import { stationForToken } from './db/stations';
import { sendProblem } from './problem';

const bearer = /^Bearer\s+(\S+)\s*$/i;

/**
 * A request's `Authorization: Bearer <station token>` names its station on every route (health,
 * time and enrolment take it too: re-enrolment and the rate limits go by it). Operations the
 * document secures refuse a request without a current token with 401 — after the rate limit has
 * counted it against its address (route hooks run between these two), but before the body is read
 * or validated: a stranger learns nothing but 401, and cannot try tokens at any speed.
 */
export function installAuthentication(app: FastifyInstance, db: Database): void {
  app.decorateRequest('station', null);
  app.addHook('onRequest', async (request) => {
    const token = bearer.exec(request.headers.authorization ?? '')?.[1];
    request.station = (token !== undefined && stationForToken(db, token)) || null;
  });
  app.addHook('preParsing', async (request, reply) => {
    if (request.routeOptions.config.authenticated !== true || request.station !== null) return;
    reply.header('www-authenticate', 'Bearer');
    const presented = bearer.test(request.headers.authorization ?? '');
    return sendProblem(reply, 401, 'unauthorized', presented ? 'the station token is unknown or was revoked' : 'a station token is required');
  });
}
