// Health, server time and enrolment: the calls a station makes before it has a token.

import type { FastifyInstance } from 'fastify';
import { enrolStation, type EnrolRequest } from '../db/stations';
import type { OpenApiDocument } from '../openapi';
import { sendProblem } from '../problem';
import { addOperation, type ApiContext } from './context';

export function registerStationRoutes(app: FastifyInstance, doc: OpenApiDocument, context: ApiContext): void {
  addOperation(app, doc, 'health', () => ({ status: 'ok' }));
  addOperation(app, doc, 'serverTime', () => ({ serverTime: context.now().toISOString() }));
  addOperation(app, doc, 'enrolStation', (request, reply) => {
    const body = request.body as EnrolRequest;
    const outcome = enrolStation(context.db, body, request.station, context.now());
    if (!outcome.enrolled) {
      request.log.warn({ station: body.stationId, code: outcome.code }, 'enrolment refused');
      return sendProblem(reply, outcome.status, outcome.code, outcome.message);
    }
    request.log.info({ station: body.stationId, checkpoint: outcome.checkpointId, by: outcome.by }, 'station enrolled');
    return reply.code(201).send({ stationId: body.stationId, checkpointId: outcome.checkpointId, token: outcome.token });
  });
}
