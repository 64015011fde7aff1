import type { Ajv2020 } from 'ajv/dist/2020';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { FaultInjector } from '../faults';
import { findOperation, parametersSchema, requestBodySchema, responseSchema, type OpenApiDocument } from '../openapi';
import type { PassageStore } from '../db/passages';

/** What route handlers share. */
export interface ApiContext {
  db: Database;
  passages: PassageStore;
  faults: FaultInjector;
  now: () => Date;
  /** The document's schemas, for checks a route makes itself (see routes/passages.ts). */
  contract: Ajv2020;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** From the operation's `security` in the document: false for health, time, enrolment… */
    authenticated?: boolean;
  }
  interface FastifyRequest {
    /** The enrolled station the bearer token belongs to, on authenticated routes. */
    stationId: string | null;
  }
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => unknown;

/**
 * Registers the document's operation: its method, path, authentication and every schema (body,
 * query, headers, each documented response) come from openapi.yaml, so a route cannot differ
 * from the contract in any of them. `overrides.body` lets a route check part of its body itself.
 */
export function addOperation(app: FastifyInstance, doc: OpenApiDocument, operationId: string, handler: Handler, overrides: { body?: object } = {}): void {
  const operation = findOperation(doc, operationId);
  const statuses = Object.keys((operation.operation.responses ?? {}) as object).map(Number);
  const response = Object.fromEntries(statuses.flatMap((status) => {
    const { schema } = responseSchema(doc, operation, status);
    return schema ? [[status, schema]] : [];
  }));
  const body = overrides.body ?? requestBodySchema(doc, operation);
  const querystring = parametersSchema(operation, 'query');
  const headers = parametersSchema(operation, 'header');
  app.route({
    method: operation.method.toUpperCase() as HTTPMethods,
    url: operation.path,
    config: { authenticated: operation.authenticated },
    schema: { ...(body && { body }), ...(querystring && { querystring }), ...(headers && { headers }), response },
    handler,
  });
}
