/**
 * Checks what crosses the wire against central-api/openapi.yaml, by operationId. Used by the central
 * API's tests on every response they receive, and by the station client's tests on what it sends.
 *
 *   validateRequest('verify', body)            // throws unless body is a valid VerifyRequest
 *   validateResponse('verify', 200, body)      // throws unless 200 is documented and body fits it
 *   const body = await readValidated('verify', response)   // fetch Response → parsed, checked body
 *
 * Errors are `OpenApiViolation`s whose message names the operation, status and each broken rule.
 * A documented status without a JSON body (204, 304, admin 404) accepts any body.
 */

import type { ValidateFunction } from 'ajv';
import {
  createOpenApiAjv,
  findOperation,
  loadOpenApiDocument,
  requestBodySchema,
  responseSchema,
  type OpenApiDocument,
} from '../../central-api/openapi';

export class OpenApiViolation extends Error {
  override name = 'OpenApiViolation';
}

let loaded: { doc: OpenApiDocument; ajv: ReturnType<typeof createOpenApiAjv> } | undefined;
const compiled = new Map<string, ValidateFunction | undefined>();

function contract() {
  if (!loaded) {
    const doc = loadOpenApiDocument();
    loaded = { doc, ajv: createOpenApiAjv(doc) };
  }
  return loaded;
}

function check(key: string, schema: object | undefined, body: unknown, what: string): void {
  if (!compiled.has(key)) compiled.set(key, schema && contract().ajv.compile(schema));
  const validate = compiled.get(key);
  if (validate && !validate(body)) {
    throw new OpenApiViolation(`${what} breaks the OpenAPI document: ${contract().ajv.errorsText(validate.errors, { dataVar: 'body' })}`);
  }
}

export function validateRequest(operationId: string, body: unknown): void {
  const { doc } = contract();
  const schema = requestBodySchema(doc, findOperation(doc, operationId));
  if (!schema) throw new OpenApiViolation(`${operationId} takes no request body`);
  check(`${operationId} request`, schema, body, `the ${operationId} request`);
}

export function validateResponse(operationId: string, status: number, body: unknown): void {
  const { doc } = contract();
  const found = responseSchema(doc, findOperation(doc, operationId), status);
  if (!found.documented) throw new OpenApiViolation(`${operationId} does not document status ${status}`);
  check(`${operationId} ${status}`, found.schema, body, `the ${operationId} ${status} response`);
}

/** Reads a fetch Response (JSON or empty), validates it, and returns the parsed body. */
export async function readValidated<T = unknown>(operationId: string, response: Response): Promise<T> {
  const text = await response.text();
  const body: unknown = text === '' ? undefined : JSON.parse(text);
  validateResponse(operationId, response.status, body);
  return body as T;
}
