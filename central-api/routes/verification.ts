// Online verification (the VNeID tokens it verifies are issued by routes/citizen.ts).

import type { FastifyInstance } from 'fastify';
import type { VerifyRequest } from '../api-types';
import type { OpenApiDocument } from '../openapi';
import { sendProblem } from '../problem';
import { verifyCode } from '../verification/verify';
import { addOperation, stationOf, type ApiContext } from './context';

export function registerVerificationRoutes(app: FastifyInstance, doc: OpenApiDocument, context: ApiContext): void {
  addOperation(app, doc, 'verify', (request, reply) => {
    const { code, context: checkpoint } = request.body as VerifyRequest;
    // A station token answers for one checkpoint's traffic, not for look-ups in another's name.
    const station = stationOf(request);
    if (checkpoint.checkpointId !== station.checkpointId) {
      return sendProblem(reply, 403, 'checkpoint-mismatch', `this station is enrolled for checkpoint ${station.checkpointId}`);
    }
    return verifyCode(context.db, code, context.now());
  });
}
