// The simulated VNeID app's backend (citizen/accounts.ts) and its identity QR, under /citizen/api.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CITIZEN_SESSION_COOKIE, cookieValues } from '../auth';
import type { RegistrationDetails } from '../../shared/citizen/api-types';
import { accountView, completeRegistration, confirmOtp, resendOtp, signIn, signOut, startRegistration, type Session } from '../citizen/accounts';
import type { OpenApiDocument } from '../openapi';
import { PROBLEM_MESSAGE_MAX, sendProblem, truncate } from '../problem';
import { issueVneidToken } from '../verification/vneid';
import { addOperation, citizenOf, type ApiContext } from './context';

type CitizenProblemCode =
  | 'details-mismatch'
  | 'already-registered'
  | 'registration-not-found'
  | 'registration-ended'
  | 'already-confirmed'
  | 'resend-too-soon'
  | 'no-more-resends'
  | 'otp-wrong'
  | 'otp-expired'
  | 'otp-not-confirmed'
  | 'password-rules'
  | 'sign-in-failed'
  | 'sign-in-locked';

/** The document's CitizenProblem: a code the app explains in Vietnamese, and what it needs to say how to go on. */
function refuse(reply: FastifyReply, status: number, code: CitizenProblemCode, message: string, extra: { attemptsLeft?: number; retryAt?: string; lockedUntil?: string; brokenRules?: string[] } = {}) {
  return reply.code(status).send({ code, message: truncate(message, PROBLEM_MESSAGE_MAX), ...extra });
}

/** Refusals more than one step gives. */
const registrationGone = (reply: FastifyReply) => refuse(reply, 404, 'registration-not-found', 'no registration in progress with this id: start again');
const alreadyRegistered = (reply: FastifyReply) => refuse(reply, 409, 'already-registered', 'this ID number already has an account: sign in');
const alreadyConfirmed = (reply: FastifyReply) => refuse(reply, 409, 'already-confirmed', 'the code was already confirmed: choose a password');

/** The session as an HttpOnly, SameSite=Strict cookie for the app's API alone: the page's scripts never hold it, other sites never send it. */
function sessionCookie(request: FastifyRequest, value: string, maxAgeSeconds: number): string {
  return `${CITIZEN_SESSION_COOKIE}=${value}; Path=/citizen/api; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${request.protocol === 'https' ? '; Secure' : ''}`;
}

function signedIn(request: FastifyRequest, reply: FastifyReply, session: Session, now: Date) {
  const maxAge = Math.floor((Date.parse(session.expiresAt) - now.getTime()) / 1000);
  return reply.code(201).header('set-cookie', sessionCookie(request, session.token, maxAge)).send({ expiresAt: session.expiresAt });
}

export function registerCitizenRoutes(app: FastifyInstance, doc: OpenApiDocument, context: ApiContext): void {
  const { db, now, sms } = context;

  addOperation(app, doc, 'startCitizenRegistration', (request, reply) => {
    const outcome = startRegistration(db, request.body as RegistrationDetails, now(), sms);
    switch (outcome.kind) {
      case 'otp-sent':
        return reply.code(201).send(outcome.sent);
      case 'details-mismatch':
        return refuse(reply, 422, 'details-mismatch', 'the details do not match the national population register');
      case 'already-registered':
        return alreadyRegistered(reply);
    }
  });

  addOperation(app, doc, 'resendCitizenOtp', (request, reply) => {
    const outcome = resendOtp(db, (request.body as { registrationId: string }).registrationId, now(), sms);
    switch (outcome.kind) {
      case 'otp-sent':
        return outcome.sent;
      case 'unknown':
        return registrationGone(reply);
      case 'too-soon':
        return refuse(reply, 409, 'resend-too-soon', 'a new code can be sent a little later', { retryAt: outcome.retryAt });
      case 'no-more-resends':
        return refuse(reply, 409, 'no-more-resends', 'no more codes can be sent for this registration: start again');
      case 'already-confirmed':
        return alreadyConfirmed(reply);
    }
  });

  addOperation(app, doc, 'confirmCitizenOtp', (request, reply) => {
    const { registrationId, otp } = request.body as { registrationId: string; otp: string };
    const outcome = confirmOtp(db, registrationId, otp, now());
    switch (outcome.kind) {
      case 'confirmed':
        return reply.code(204).send();
      case 'already-confirmed':
        return alreadyConfirmed(reply);
      case 'unknown':
        return registrationGone(reply);
      case 'expired':
        return refuse(reply, 410, 'otp-expired', 'the code has expired: ask for a new one');
      case 'wrong':
        return refuse(reply, 422, 'otp-wrong', 'the code is wrong', { attemptsLeft: outcome.attemptsLeft });
      case 'ended':
        return refuse(reply, 410, 'registration-ended', 'too many wrong codes: the registration has ended, start again');
    }
  });

  addOperation(app, doc, 'completeCitizenRegistration', async (request, reply) => {
    const { registrationId, password } = request.body as { registrationId: string; password: string };
    const outcome = await completeRegistration(db, registrationId, password, now);
    switch (outcome.kind) {
      case 'registered':
        return signedIn(request, reply, outcome.session, now());
      case 'unknown':
        return registrationGone(reply);
      case 'not-confirmed':
        return refuse(reply, 409, 'otp-not-confirmed', 'confirm the SMS code first');
      case 'password-rules':
        return refuse(reply, 422, 'password-rules', 'the password breaks the rules', { brokenRules: outcome.broken });
      case 'already-registered':
        return alreadyRegistered(reply);
    }
  });

  addOperation(app, doc, 'citizenSignIn', async (request, reply) => {
    const { idNumber, password } = request.body as { idNumber: string; password: string };
    // Signing in (as anyone) ends the session this browser had: switching accounts leaves none behind.
    for (const session of cookieValues(request.headers.cookie, CITIZEN_SESSION_COOKIE)) signOut(db, session);
    const outcome = await signIn(db, idNumber, password, now);
    switch (outcome.kind) {
      case 'signed-in':
        return signedIn(request, reply, outcome.session, now());
      case 'wrong':
        return refuse(reply, 401, 'sign-in-failed', 'wrong ID number or password', { attemptsLeft: outcome.attemptsLeft });
      case 'locked':
        return refuse(reply, 423, 'sign-in-locked', 'too many wrong passwords: sign-in with this ID number is locked for a while', { lockedUntil: outcome.lockedUntil });
    }
  });

  addOperation(app, doc, 'citizenSignOut', (request, reply) => {
    for (const session of cookieValues(request.headers.cookie, CITIZEN_SESSION_COOKIE)) signOut(db, session);
    return reply.code(204).header('set-cookie', sessionCookie(request, '', 0)).send();
  });

  addOperation(app, doc, 'citizenAccount', (request, reply) => {
    // Sessions reference their account, so this is only ever undefined in a damaged database.
    return accountView(db, citizenOf(request)) ?? sendProblem(reply, 401, 'unauthorized', 'sign in to the VNeID app first');
  });

  addOperation(app, doc, 'issueVneidToken', (request, reply) => reply.code(201).send(issueVneidToken(db, citizenOf(request), now())));
}
