import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FastifyInstance } from 'fastify';
import { citizenOfSession } from './citizen/accounts';
import { stationForToken } from './db/stations';
import { sendProblem } from './problem';

const bearer = /^Bearer\s+(\S+)\s*$/i;

/** The citizen app's session cookie (openapi.yaml's `citizenSession`). */
export const CITIZEN_SESSION_COOKIE = 'vneid_session';

/**
 * Every value a `Cookie` header gives the cookie `name`: a browser may send two (a stale one
 * from another path, or one planted by a sibling site), and a stale one must not hide the current.
 */
export function cookieValues(header: string | undefined, name: string): string[] {
  return (header ?? '').split(';').flatMap((pair) => {
    const separator = pair.indexOf('=');
    const value = pair.slice(separator + 1).trim();
    return separator > 0 && pair.slice(0, separator).trim() === name && value !== '' ? [value] : [];
  });
}

/** The citizen of the first current session among the cookies sent; null when none is current. */
function signedInCitizen(db: Database, cookieHeader: string | undefined, now: Date): string | null {
  for (const session of cookieValues(cookieHeader, CITIZEN_SESSION_COOKIE)) {
    const citizen = citizenOfSession(db, session, now);
    if (citizen !== undefined) return citizen;
  }
  return null;
}

/**
 * A request's `Authorization: Bearer <station token>` names its station on every route (health,
 * time and enrolment take it too: re-enrolment and the rate limits go by it), and its session
 * cookie its signed-in citizen. Operations the document secures refuse a request without a
 * current token or session with 401 — after the rate limit has counted it against its address
 * (route hooks run between these two), but before the body is read or validated: a stranger
 * learns nothing but 401, and cannot try tokens at any speed.
 */
export function installAuthentication(app: FastifyInstance, db: Database, now: () => Date): void {
  app.decorateRequest('station', null);
  app.decorateRequest('citizen', null);
  app.addHook('onRequest', async (request) => {
    const token = bearer.exec(request.headers.authorization ?? '')?.[1];
    request.station = (token !== undefined && stationForToken(db, token)) || null;
    request.citizen = signedInCitizen(db, request.headers.cookie, now());
  });
  app.addHook('preParsing', async (request, reply) => {
    const requires = request.routeOptions.config.requires;
    if (requires === 'stationToken' && request.station === null) {
      reply.header('www-authenticate', 'Bearer');
      const presented = bearer.test(request.headers.authorization ?? '');
      return sendProblem(reply, 401, 'unauthorized', presented ? 'the station token is unknown or was revoked' : 'a station token is required');
    }
    if (requires === 'citizenSession' && request.citizen === null) return sendProblem(reply, 401, 'unauthorized', 'sign in to the VNeID app first');
    return undefined;
  });
}
