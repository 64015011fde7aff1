// Online verification and the simulated VNeID backend that issues the tokens it verifies.

import type { FastifyInstance } from 'fastify';
import type { VerifyRequest } from '../api-types';
import type { OpenApiDocument } from '../openapi';
import { sendProblem } from '../problem';
import { verifyCode } from '../verification/verify';
import { issueVneidToken } from '../verification/vneid';
import { addOperation, type ApiContext } from './context';

export function registerVerificationRoutes(app: FastifyInstance, doc: OpenApiDocument, context: ApiContext): void {
  addOperation(app, doc, 'verify', (request) => {
    const { code, context: checkpoint } = request.body as VerifyRequest;
    return verifyCode(context.db, code, new Date(checkpoint.scannedAt), context.now());
  });
  addOperation(app, doc, 'issueVneidToken', (request, reply) => {
    const issued = issueVneidToken(context.db, (request.body as { idNumber: string }).idNumber, context.now());
    if (!issued) return sendProblem(reply, 404, 'not_found', 'no such citizen');
    return reply.code(201).send(issued);
  });
}
