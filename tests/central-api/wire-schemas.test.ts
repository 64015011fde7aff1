import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadOpenApiDocument } from '../../central-api/openapi';
import { checkpointContextSchema, codeForVerificationSchema, passageBatchSchema, passageUploadSchema, verifyRequestSchema } from '../../shared/central/schemas';

// The station's request schemas and the OpenAPI document must accept the same things: every limit
// the server enforces, the station checks before sending. Compared as the constraints each side
// states, property by property, after both are brought to one shape.

type Json = Record<string, unknown>;
const doc = loadOpenApiDocument();
const constraintKeys = ['type', 'enum', 'const', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'minItems', 'maxItems', 'required', 'additionalProperties'] as const;

function resolve(schema: Json): Json {
  const ref = schema.$ref;
  return typeof ref === 'string' ? resolve(doc.components.schemas[ref.replace('#/components/schemas/', '')]!) : schema;
}

/** One canonical form: nullability as a `null` type, types as a sorted list, sub-schemas normalised, and only constraints kept. */
function normalise(input: Json): Json {
  let schema = resolve(input);
  const alternatives = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (alternatives !== undefined) {
    const nonNull = alternatives.map(resolve).filter((part) => part.type !== 'null');
    if (nonNull.length === 1 && alternatives.length === 2) schema = { ...nonNull[0], nullable: true };
    else return { anyOf: alternatives.map(normalise) };
  }
  const out: Json = {};
  for (const key of constraintKeys) if (schema[key] !== undefined) out[key] = schema[key];
  const types = new Set<unknown>(Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]);
  if (Array.isArray(schema.enum)) for (const value of schema.enum) types.add(value === null ? 'null' : typeof value);
  if (schema.const !== undefined) types.add(typeof schema.const);
  if (schema.nullable === true) types.add('null');
  if (types.size > 0) out.type = [...types].map((type) => (type === 'integer' ? 'integer' : type)).sort();
  if (Array.isArray(schema.enum)) out.enum = [...(schema.enum as unknown[])].filter((value) => value !== null).sort();
  if (Array.isArray(schema.required)) out.required = [...(schema.required as string[])].sort();
  if (schema.additionalProperties === undefined) delete out.additionalProperties;
  if (schema.properties !== undefined) {
    out.properties = Object.fromEntries(Object.entries(schema.properties as Record<string, Json>).map(([name, property]) => [name, normalise(property)]));
  }
  if (schema.items !== undefined) out.items = normalise(schema.items as Json);
  // zod states the uuid/date-time formats as patterns; the document names them as formats, which ajv checks.
  if (schema.format !== undefined) {
    out.format = schema.format;
    delete out.pattern;
  }
  return out;
}

const stationSide = (schema: z.ZodType) => normalise(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json);
const documentSide = (name: string) => normalise({ $ref: `#/components/schemas/${name}` });

describe('the station’s wire schemas are the document’s', () => {
  it.each([
    ['CodeForVerification', codeForVerificationSchema],
    ['CheckpointContext', checkpointContextSchema],
    ['VerifyRequest', verifyRequestSchema],
    ['PassageUpload', passageUploadSchema],
    ['PassageBatch', passageBatchSchema],
  ] as const)('%s', (name, schema) => {
    expect(stationSide(schema)).toEqual(documentSide(name));
  });

  it('the comparison sees a limit that differs', () => {
    const looser = codeForVerificationSchema.extend({ fullName: z.string().max(201).optional() });
    expect(stationSide(looser)).not.toEqual(documentSide('CodeForVerification'));
  });
});
