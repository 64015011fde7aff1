// Test-only endpoints, registered only when the server starts with --test-admin (404 otherwise).

import type { FastifyInstance } from 'fastify';
import type { FaultPlan } from '../api-types';
import type { OpenApiDocument } from '../openapi';
import { addOperation, type ApiContext } from './context';

export function registerAdminRoutes(app: FastifyInstance, doc: OpenApiDocument, context: ApiContext): void {
  addOperation(app, doc, 'adminListPassages', () => context.passages.list());
  addOperation(app, doc, 'adminSetFaults', (request, reply) => {
    context.faults.setPlan(request.body as FaultPlan);
    return reply.code(204).send();
  });
  addOperation(app, doc, 'adminPoisonPassage', (request, reply) => {
    context.passages.poison((request.body as { passageId: string }).passageId);
    return reply.code(204).send();
  });
}
