// The simulated VNeID backend under /citizen/api (central-api/routes/citizen.ts). The session is an
// HttpOnly cookie: this page never holds it, the browser sends it with each call.

import type { CitizenAccount, CitizenProblem, IdentityToken, OtpSent, RegistrationDetails } from '../../shared/citizen/api-types';

/** A refusal with the server's problem; `network` when no answer came at all. */
export class Refusal extends Error {
  constructor(readonly problem: CitizenProblem) {
    super(problem.message);
  }
}

async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`api/${path}`, {
      method,
      credentials: 'same-origin',
      ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch {
    throw new Refusal({ code: 'network', message: 'no answer' });
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Refusal(typeof data === 'object' && data !== null && 'code' in data ? (data as CitizenProblem) : { code: `http-${response.status}`, message: '' });
  return data as T;
}

export const api = {
  account: () => call<CitizenAccount>('GET', 'account'),
  startRegistration: (details: RegistrationDetails) => call<OtpSent>('POST', 'registrations', details),
  resendOtp: (registrationId: string) => call<OtpSent>('POST', 'registrations/resend', { registrationId }),
  confirmOtp: (registrationId: string, otp: string) => call<void>('POST', 'registrations/otp', { registrationId, otp }),
  choosePassword: (registrationId: string, password: string) => call<{ expiresAt: string }>('POST', 'registrations/password', { registrationId, password }),
  signIn: (idNumber: string, password: string) => call<{ expiresAt: string }>('POST', 'sessions', { idNumber, password }),
  signOut: () => call<void>('DELETE', 'sessions/current'),
  identityToken: () => call<IdentityToken>('POST', 'identity-qr'),
};
