// Health, server time and enrolment: the calls a station makes before it has a token.

import type { FastifyInstance } from 'fastify';
import { enrolStation } from '../db/stations';
import type { OpenApiDocument } from '../openapi';
import { sendProblem } from '../problem';
import { addOperation, type ApiContext } from './context';

interface EnrolBody {
  stationId: string;
  secret: string;
  checkpointId: string;
  name?: string;
}

export function registerStationRoutes(app: FastifyInstance, doc: OpenApiDocument, context: ApiContext): void {
  addOperation(app, doc, 'health', () => ({ status: 'ok' }));
  addOperation(app, doc, 'serverTime', () => ({ serverTime: context.now().toISOString() }));
  addOperation(app, doc, 'enrolStation', (request, reply) => {
    const body = request.body as EnrolBody;
    const token = enrolStation(context.db, body, context.now());
    if (token === undefined) return sendProblem(reply, 401, 'unauthorized', 'unknown enrolment secret');
    request.log.info({ station: body.stationId }, 'station enrolled');
    return reply.code(201).send({ stationId: body.stationId, token });
  });
}
