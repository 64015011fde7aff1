import type { Ajv2020 } from 'ajv/dist/2020';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { SmsGateway } from '../citizen/sms-outbox';
import type { DocumentSigner } from '../dcc/test-signer';
import type { FaultInjector } from '../faults';
import { findOperation, parametersSchema, requestBodySchema, responseSchema, type OpenApiDocument, type SecurityScheme } from '../openapi';
import type { PassageStore } from '../db/passages';
import type { Station } from '../db/stations';

/** What route handlers share. */
export interface ApiContext {
  db: Database;
  passages: PassageStore;
  faults: FaultInjector;
  now: () => Date;
  /** The document's schemas, for checks a route makes itself (see routes/passages.ts). */
  contract: Ajv2020;
  /** The vaccine-passport signers the trust list serves: the server's own test signer in test mode. */
  dccSigners: readonly DocumentSigner[];
  /** The simulated SMS gateway the citizen app's codes go through. */
  sms: SmsGateway;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** From the operation's `security` in the document: null for health, time, enrolment, sign-in… */
    requires?: SecurityScheme | null;
  }
  interface FastifyRequest {
    /** The enrolled station the bearer token belongs to; always set on routes requiring `stationToken`. */
    station: Station | null;
    /** The ID number of the signed-in citizen the session cookie belongs to; always set on routes requiring `citizenSession`. */
    citizen: string | null;
  }
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => unknown;

/** The station of a request to a secured operation: authentication refused it otherwise. */
export function stationOf(request: FastifyRequest): Station {
  if (request.station === null) throw new Error(`${request.routeOptions.url ?? 'a route'} ran without an authenticated station`);
  return request.station;
}

/** The signed-in citizen of a request to an operation requiring their session: authentication refused it otherwise. */
export function citizenOf(request: FastifyRequest): string {
  if (request.citizen === null) throw new Error(`${request.routeOptions.url ?? 'a route'} ran without a signed-in citizen`);
  return request.citizen;
}

/**
 * Registers the document's operation: its method, path, authentication, rate limit and every
 * schema (body, query, headers, each documented response) come from openapi.yaml, so a route
 * cannot differ from the contract in any of them. `overrides.body` lets a route check part of its
 * body itself; `overrides.bodyLimit` raises the server's small default for a route that needs it.
 */
export function addOperation(app: FastifyInstance, doc: OpenApiDocument, operationId: string, handler: Handler, overrides: { body?: object; bodyLimit?: number } = {}): void {
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
    config: {
      requires: operation.requires,
      ...(operation.rateLimit && { rateLimit: { max: operation.rateLimit.max, timeWindow: operation.rateLimit.windowSeconds * 1000 } }),
    },
    schema: { ...(body && { body }), ...(querystring && { querystring }), ...(headers && { headers }), response },
    ...(overrides.bodyLimit !== undefined && { bodyLimit: overrides.bodyLimit }),
    handler,
  });
}
