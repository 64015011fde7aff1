// The reference central API: a Fastify server on 127.0.0.1 over its own SQLite database, with
// every request and response validated against openapi.yaml.

import type { AddressInfo } from 'node:net';
import helmet from '@fastify/helmet';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import pino from 'pino';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { installAuthentication } from './auth';
import { registerCitizenApp } from './citizen/app-files';
import { decoyPasswordHash } from './citizen/password-hash';
import { sendSms, type SmsGateway, type SmsMessage } from './citizen/sms-outbox';
import { loadOrCreateTestSigner } from './dcc/test-signer';
import { closeCentralDatabase, openCentralDatabase } from './db/open';
import { createPassageStore } from './db/passages';
import { registerEnrolSecret } from './db/stations';
import { FaultInjector } from './faults';
import type { Logger } from './logging';
import { createOpenApiAjv, loadOpenApiDocument, type OpenApiDocument } from './openapi';
import { DEFAULT_POPULATION } from './population/generate';
import { seedRegister } from './population/seed';
import { installProblemHandlers } from './problem';
import { registerAdminRoutes } from './routes/admin';
import { registerCitizenRoutes } from './routes/citizen';
import type { ApiContext } from './routes/context';
import { registerPassageRoutes } from './routes/passages';
import { registerReferenceRoutes } from './routes/reference';
import { registerStationRoutes } from './routes/station';
import { registerVerificationRoutes } from './routes/verification';

export interface CentralApiOptions {
  /** Folder of the database (`central-api.sqlite`); created when missing. */
  dataDir: string;
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /**
   * Registers this reusable bootstrap secret for enrolment (demo and test only): it enrols new
   * station ids, never an enrolled one without that station's token. Real stations enrol with an
   * administrator's one-time code (`issue-enrolment-code`).
   */
  enrolSecret?: string;
  /**
   * Test mode: serves the /admin endpoints (passage list, fault plan, poison, vaccine passports, the simulated SMS outbox)
   * and puts the server's own test signer on the vaccine-passport trust list. Off by default: 404.
   */
  testAdmin?: boolean;
  /** Citizens to seed into an empty register (default 3000); an existing register is kept. */
  population?: number;
  /** The server's clock; tests pass a controllable one. */
  now?: () => Date;
  /** Default: silent. */
  logger?: Logger;
  /** Hands each simulated SMS here (a demo prints them: `--sms-to-console`); in test mode they also go to the outbox. */
  onSms?: (message: SmsMessage) => void;
  /** Serve HTTPS with this key and certificate (PEM), as a closed network's server would. */
  tls?: { key: string; cert: string };
}

export interface CentralApi {
  /** `http(s)://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  /** The server's own database, for tests that seed or inspect (findCitizens, addToDenyList…). */
  db: Database;
  close(): Promise<void>;
}

/** Every body but a passage batch's (routes/passages.ts) is a few kilobytes at its longest. */
const BODY_LIMIT = 64 * 1024;

/** What a rate limit counts by: the station a valid token names, else the client's address (an IPv6 /64 as one). */
const rateLimitKey = (request: FastifyRequest): string => (request.station ? `station:${request.station.id}` : `address:${normalizeIP(request.ip)}`);

/**
 * Security headers on every answer (helmet, for an API that serves no page: no content may load,
 * nothing may frame it), and `no-store`: answers name citizens and must stay out of caches.
 * Rate limits come per operation from the document (routes/context.ts); past one the answer is a
 * Problem `rate_limited` with Retry-After.
 */
async function installProtections(app: FastifyInstance): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  await app.register(rateLimit, {
    global: false,
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, limit) => Object.assign(new Error(`rate limit exceeded: retry in ${limit.after}`), { statusCode: limit.statusCode }),
  });
}

/**
 * ajv coerces a query or header value such as `1e400` to Infinity and then checks it against no
 * bound (its bounds pass over numbers that are not finite): such a parameter is refused here.
 */
function refusingInfinity(validate: ValidateFunction) {
  return (data: Record<string, unknown>) => {
    if (!validate(data)) return { error: validate.errors ?? [] };
    const name = Object.keys(data).find((key) => typeof data[key] === 'number' && !Number.isFinite(data[key]));
    return name === undefined || { error: [{ keyword: 'type', instancePath: `/${name}`, schemaPath: '#', params: {}, message: 'must be a finite number' }] };
  };
}

async function createApp(doc: OpenApiDocument, contract: Ajv2020, logger: Logger, tls: CentralApiOptions['tls']): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    forceCloseConnections: true,
    ...(tls && { https: tls }),
  }) as unknown as FastifyInstance;
  await installProtections(app);
  // Query strings and headers arrive as text: `?since=4` must become the integer the schema says.
  const parameters = createOpenApiAjv(doc, { coerceTypes: true });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? contract.compile(schema) : refusingInfinity(parameters.compile(schema))));
  // Responses are checked, not just serialised: an answer outside the contract is a server bug,
  // and it surfaces as a 500 rather than reaching a station.
  app.setSerializerCompiler(({ schema, url, httpStatus }) => {
    const validate = contract.compile(schema);
    return (data) => {
      if (!validate(data)) throw new Error(`response ${httpStatus} of ${url} breaks the contract: ${contract.errorsText(validate.errors)}`);
      return JSON.stringify(data);
    };
  });
  // One line per request instead of Fastify's two; the URL is left out, the route says enough.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, route: request.routeOptions.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  return app;
}

export async function startCentralApi(options: CentralApiOptions): Promise<CentralApi> {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? pino({ level: 'silent' });
  const db = openCentralDatabase(options.dataDir);
  try {
    if (seedRegister(db, options.population ?? DEFAULT_POPULATION)) logger.info('population register seeded');
    if (options.enrolSecret !== undefined) registerEnrolSecret(db, options.enrolSecret, now());
    const doc = loadOpenApiDocument();
    const contract = createOpenApiAjv(doc);
    const app = await createApp(doc, contract, logger, options.tls);
    const dccSigners = options.testAdmin ? [await loadOrCreateTestSigner(options.dataDir, now())] : [];
    // Codes are kept readable only where a test reads them (the outbox); otherwise they go to `onSms` alone, or nowhere.
    const sms: SmsGateway = (phone, text, at) => {
      if (options.testAdmin) sendSms(db, phone, text, at);
      options.onSms?.({ phone, text, sentAt: at.toISOString() });
    };
    // Made now, not at the first sign-in with an unknown ID number, which would then take twice as long.
    await decoyPasswordHash();
    const context: ApiContext = { db, passages: createPassageStore(db), faults: new FaultInjector(), now, contract, dccSigners, sms };
    installProblemHandlers(app);
    context.faults.install(app);
    installAuthentication(app, db, now);
    registerStationRoutes(app, doc, context);
    registerVerificationRoutes(app, doc, context);
    registerCitizenRoutes(app, doc, context);
    registerCitizenApp(app);
    registerPassageRoutes(app, doc, context);
    registerReferenceRoutes(app, doc, context);
    if (options.testAdmin) registerAdminRoutes(app, doc, context);
    await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
    const { port } = app.server.address() as AddressInfo;
    return {
      url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
      port,
      db,
      async close() {
        await app.close();
        closeCentralDatabase(db);
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
