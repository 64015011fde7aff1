// Test-only endpoints, registered only when the server starts with --test-admin (404 otherwise).

import type { FastifyInstance } from 'fastify';
import type { FaultPlan } from '../api-types';
import { smsSentTo } from '../citizen/sms-outbox';
import type { CertificateRequest } from '../dcc/certificates';
import { issueDcc } from '../dcc/issuer';
import { sendProblem } from '../problem';
import type { OpenApiDocument } from '../openapi';
import { addOperation, type ApiContext } from './context';

export function registerAdminRoutes(app: FastifyInstance, doc: OpenApiDocument, context: ApiContext): void {
  addOperation(app, doc, 'adminListPassages', () => context.passages.list());
  addOperation(app, doc, 'adminSetFaults', (request, reply) => {
    context.faults.setPlan(request.body as FaultPlan);
    return reply.code(204).send();
  });
  addOperation(app, doc, 'adminIssueDcc', (request, reply) => {
    const body = request.body as DccRequestBody;
    const certificate = certificateRequestOf(body);
    const [signer] = context.dccSigners;
    if (certificate === null || signer === undefined) return sendProblem(reply, 400, 'invalid_request', `a ${body.type} certificate needs ${REQUIRED_FIELDS[body.type].join(', ')}`);
    return reply.code(201).send({ qr: issueDcc(signer, certificate, context.now(), body.validDays) });
  });
  addOperation(app, doc, 'adminSmsOutbox', (request) => smsSentTo(context.db, (request.query as { phone: string }).phone));
  addOperation(app, doc, 'adminPoisonPassage', (request, reply) => {
    context.passages.poison((request.body as { passageId: string }).passageId);
    return reply.code(204).send();
  });
}

type DccRequestBody = { type: CertificateRequest['type']; familyName: string; givenName: string; birthDate: string; validDays?: number } & Record<string, unknown>;

const REQUIRED_FIELDS = {
  vaccination: ['dose', 'seriesDoses', 'date'],
  test: ['sampledAt', 'detected'],
  recovery: ['firstPositive', 'validFrom', 'validUntil'],
} as const satisfies Record<CertificateRequest['type'], readonly string[]>;

/** The schema checked each field's shape; which fields a type needs is checked here. */
function certificateRequestOf(body: DccRequestBody): CertificateRequest | null {
  if (REQUIRED_FIELDS[body.type].some((field) => body[field] === undefined)) return null;
  return { ...body } as unknown as CertificateRequest;
}
