// The OpenAPI document as executable schemas. The server validates requests and responses with the
// document itself (never a hand-copied twin), and tests validate what they receive with the same
// lookups, so both sides fail the moment either drifts from the contract.

import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { parse } from 'yaml';

/** Under this id the whole document is one registered schema; refs point into it by JSON Pointer. */
export const OPENAPI_ID = 'openapi.json';

type Json = Record<string, unknown>;
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

export interface OpenApiDocument {
  paths: Record<string, Partial<Record<HttpMethod, Json>>>;
  components: { schemas: Record<string, Json>; responses?: Record<string, Json> };
  security?: object[];
  [key: string]: unknown;
}

export interface Operation {
  operationId: string;
  method: HttpMethod;
  path: string;
  /**
   * The scheme every request must satisfy: `stationToken`, or `citizenSession` (the citizen app's
   * cookie). Null for operations whose `security` is `[]` (sign-in, admin) or allows no scheme
   * (`{}`: health, time and enrolment take a token but need none).
   */
  requires: SecurityScheme | null;
  /** The operation's `x-rate-limit`; undefined for the test-only admin routes, which have none. */
  rateLimit: RateLimit | undefined;
  /** JSON Pointer (without '#') to the operation object. */
  pointer: string;
  operation: Json;
}

/** The document's security schemes: the ones auth.ts enforces. */
const securitySchemes = ['stationToken', 'citizenSession'] as const;
export type SecurityScheme = (typeof securitySchemes)[number];

/** A scheme auth.ts does not know would let every request through: the document is refused instead. */
function schemeOf(name: string | undefined, operationId: unknown): SecurityScheme {
  if (!securitySchemes.includes(name as SecurityScheme)) throw new Error(`operation ${String(operationId)} requires ${name ?? 'no'} security scheme, which the server does not enforce`);
  return name as SecurityScheme;
}

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

const methods: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch'];
const documentUrl = new URL('./openapi.yaml', import.meta.url);

export function loadOpenApiDocument(): OpenApiDocument {
  return parse(readFileSync(documentUrl, 'utf8')) as OpenApiDocument;
}

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export function listOperations(doc: OpenApiDocument): Operation[] {
  const globalSecurity = doc.security ?? [];
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const security = (operation.security as object[] | undefined) ?? globalSecurity;
      const optional = security.length === 0 || security.some((requirement) => Object.keys(requirement).length === 0);
      const requires = optional ? null : schemeOf(Object.keys(security[0] ?? {})[0], operation.operationId);
      const rateLimit = operation['x-rate-limit'] as RateLimit | undefined;
      return [{ operationId: String(operation.operationId), method, path, requires, rateLimit, pointer: `/paths/${escapePointer(path)}/${method}`, operation }];
    }),
  );
}

export function findOperation(doc: OpenApiDocument, operationId: string): Operation {
  const found = listOperations(doc).find((operation) => operation.operationId === operationId);
  if (!found) throw new Error(`the OpenAPI document has no operation ${operationId}`);
  return found;
}

/** A schema that is the document's schema at `pointer`, so `#/components/...` refs inside it resolve. */
const refTo = (pointer: string): Json => ({ $ref: `${OPENAPI_ID}#${pointer}` });

/** `components.schemas.<name>` as a schema to compile. */
export const componentSchema = (name: string): Json => refTo(`/components/schemas/${escapePointer(name)}`);

function jsonSchemaPointer(pointer: string, holder: Json): string | undefined {
  const content = holder.content as Record<string, Json> | undefined;
  return content?.['application/json'] ? `${pointer}/content/application~1json/schema` : undefined;
}

/** Follows a `$ref: '#/components/responses/X'` response object to where it is defined. */
function resolveResponse(doc: OpenApiDocument, pointer: string, response: Json): { pointer: string; response: Json } {
  const ref = response.$ref;
  if (typeof ref !== 'string') return { pointer, response };
  const name = ref.replace('#/components/responses/', '');
  const target = doc.components.responses?.[name];
  if (!target) throw new Error(`unresolved response ${ref}`);
  return { pointer: `/components/responses/${escapePointer(name)}`, response: target };
}

export interface ResponseLookup {
  /** False when the document does not list this status for the operation. */
  documented: boolean;
  /** The JSON body schema, or undefined for a response without a JSON body (204, 304…). */
  schema: Json | undefined;
}

export function responseSchema(doc: OpenApiDocument, operation: Operation, status: number): ResponseLookup {
  const responses = (operation.operation.responses ?? {}) as Record<string, Json>;
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => responses[candidate]);
  if (key === undefined) return { documented: false, schema: undefined };
  const resolved = resolveResponse(doc, `${operation.pointer}/responses/${key}`, responses[key] as Json);
  const pointer = jsonSchemaPointer(resolved.pointer, resolved.response);
  return { documented: true, schema: pointer === undefined ? undefined : refTo(pointer) };
}

export function requestBodySchema(doc: OpenApiDocument, operation: Operation): Json | undefined {
  const body = operation.operation.requestBody as Json | undefined;
  const pointer = body && jsonSchemaPointer(`${operation.pointer}/requestBody`, body);
  return pointer === undefined ? undefined : refTo(pointer);
}

/** An object schema for the operation's parameters in one place (`query`, `header`), or undefined. */
export function parametersSchema(operation: Operation, place: 'query' | 'header'): Json | undefined {
  const parameters = (operation.operation.parameters ?? []) as Json[];
  const properties: Record<string, Json> = {};
  const required: string[] = [];
  parameters.forEach((parameter, index) => {
    if (parameter.in !== place) return;
    // Node lower-cases header names.
    const name = place === 'header' ? String(parameter.name).toLowerCase() : String(parameter.name);
    properties[name] = refTo(`${operation.pointer}/parameters/${index}/schema`);
    if (parameter.required === true) required.push(name);
  });
  return Object.keys(properties).length === 0 ? undefined : { type: 'object', properties, required };
}

// ajv-formats is CommonJS; under ESM its callable is the default export's default.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

const rfc3339DateTime = fullFormats['date-time'] as { validate: (text: string) => boolean };

/**
 * Ajv for JSON Schema 2020-12 (the dialect of OpenAPI 3.1) with the whole document registered.
 * Strict, so a typo'd keyword in the document fails loudly instead of validating nothing. The
 * document's own top-level fields and OpenAPI's schema keywords are declared as known.
 * `coerceTypes` is for query strings and headers only: JSON bodies are checked as sent.
 * A date-time must also be a time JavaScript can read: RFC 3339 allows a leap second (`23:59:60`),
 * which `new Date` cannot represent, and a handler must never be handed an Invalid Date.
 */
export function createOpenApiAjv(doc: OpenApiDocument, options: { coerceTypes?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, coerceTypes: options.coerceTypes ?? false });
  addFormats(ajv);
  ajv.addFormat('date-time', { type: 'string', validate: (text: string) => rfc3339DateTime.validate(text) && !Number.isNaN(Date.parse(text)) });
  const documentFields = Object.keys(doc).filter((key) => !['$id', '$schema'].includes(key));
  ajv.addVocabulary([...new Set([...documentFields, 'discriminator', 'xml', 'externalDocs', 'example'])]);
  ajv.addSchema({ ...doc, $id: OPENAPI_ID });
  return ajv;
}
