// A citizen's VNeID account, made through the real server as the app makes it: registration, the
// code read from the test-mode SMS outbox, a password; then identity QR tokens for that session.

import type { Citizen } from '../../central-api/api-types';

/** A register entry with the phone subscribed in the citizen's name (`findCitizens` gives both). */
export type RegisterEntry = Citizen & { phone: string | null };

export const TEST_PASSWORD = 'Matkhau@2026';

/** The card's fields of a register entry (which may carry more, e.g. its statuses), as the app sends them. */
const cardFieldsOf = ({ idNumber, fullName, birthDate, sex }: Citizen): Citizen => ({ idNumber, fullName, birthDate, sex });

/** The citizen's own phone, where the app's codes go. */
export function phoneOf(citizen: RegisterEntry): string {
  if (citizen.phone === null) throw new Error(`citizen ${citizen.idNumber} has no phone of their own`);
  return citizen.phone;
}

const post = (apiUrl: string, path: string, body: unknown, cookie?: string) =>
  fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(cookie !== undefined && { cookie }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

async function expectStatus(response: Response, status: number, what: string): Promise<Response> {
  if (response.status !== status) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

/** The last SMS the simulated gateway sent to `phone` (test mode only), and the 6-digit code in it. */
export async function lastOtpSentTo(apiUrl: string, phone: string): Promise<string> {
  const messages = (await (await expectStatus(await fetch(`${apiUrl}/admin/sms-outbox?phone=${phone}`), 200, 'SMS outbox')).json()) as { text: string }[];
  const code = /\b(\d{6})\b/.exec(messages.at(-1)?.text ?? '')?.[1];
  if (code === undefined) throw new Error(`no code was sent to ${phone}`);
  return code;
}

/** The `Cookie` header a response's session cookie makes. */
export function sessionCookieOf(response: Response): string {
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (cookie === undefined) throw new Error('no session cookie was set');
  return cookie;
}

/** Registers `citizen` (their register details) and returns the signed-in session's `Cookie` header. */
export async function registerCitizen(apiUrl: string, citizen: RegisterEntry, password = TEST_PASSWORD): Promise<string> {
  const phone = phoneOf(citizen);
  const started = await expectStatus(await post(apiUrl, '/citizen/api/registrations', { ...cardFieldsOf(citizen), phone }), 201, 'registration');
  const { registrationId } = (await started.json()) as { registrationId: string };
  await expectStatus(await post(apiUrl, '/citizen/api/registrations/otp', { registrationId, otp: await lastOtpSentTo(apiUrl, phone) }), 204, 'code');
  return sessionCookieOf(await expectStatus(await post(apiUrl, '/citizen/api/registrations/password', { registrationId, password }), 201, 'password'));
}

export async function signInCitizen(apiUrl: string, idNumber: string, password = TEST_PASSWORD): Promise<string> {
  return sessionCookieOf(await expectStatus(await post(apiUrl, '/citizen/api/sessions', { idNumber, password }), 201, 'sign-in'));
}

/** A fresh identity QR token for the session's citizen. */
export async function issueIdentityToken(apiUrl: string, cookie: string): Promise<{ token: string; expiresAt: string; serverTime: string }> {
  return (await (await expectStatus(await post(apiUrl, '/citizen/api/identity-qr', undefined, cookie), 201, 'identity QR')).json()) as { token: string; expiresAt: string; serverTime: string };
}

/** An identity QR token of `citizen`: registered on first use with this server, signed in again when their session has ended. */
export async function identityTokenFor(apiUrl: string, citizen: RegisterEntry): Promise<string> {
  const response = await post(apiUrl, '/citizen/api/registrations', { ...cardFieldsOf(citizen), phone: phoneOf(citizen) });
  const cookie = response.status === 409 ? await signInCitizen(apiUrl, citizen.idNumber) : (await response.body?.cancel(), await registerCitizen(apiUrl, citizen));
  return (await issueIdentityToken(apiUrl, cookie)).token;
}
