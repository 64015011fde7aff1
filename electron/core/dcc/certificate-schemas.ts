// The official JSON schemas of the EU DCC (copies with their licence in shared/dcc/schemas), one
// per release the station carries, chosen by the certificate's own `ver`.

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import schema121 from '../../../shared/dcc/schemas/DCC.combined-schema-1.2.1.json' with { type: 'json' };
import schema130 from '../../../shared/dcc/schemas/DCC.combined-schema-1.3.0.json' with { type: 'json' };
import schema133 from '../../../shared/dcc/schemas/DCC.combined-schema-1.3.3.json' with { type: 'json' };

const SCHEMAS: readonly (readonly [string, object])[] = [
  ['1.2.1', schema121],
  ['1.3.0', schema130],
  ['1.3.3', schema133],
];

export type SchemaCheck = { valid: true; version: string } | { valid: false; version: string; reason: string };

const SEMVER = /^(\d{1,4})\.(\d{1,4})\.(\d{1,4})$/;
const parts = (version: string) => SEMVER.exec(version)!.slice(1).map(Number);
const compare = (a: string, b: string) => {
  const [x, y] = [parts(a), parts(b)];
  return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
};

let compiled: Map<string, ValidateFunction> | null = null;

function validators(): Map<string, ValidateFunction> {
  if (compiled) return compiled;
  // Each schema has the same $id, so each gets its own instance.
  compiled = new Map(SCHEMAS.map(([version, schema]) => {
    // In JSON Schema 2020-12 `format` is an annotation, not an assertion: issuers put date-times
    // where the schema says `date`, and the official conformance data counts them valid.
    const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
    return [version, ajv.compile(schema)];
  }));
  return compiled;
}

/**
 * The schema for a certificate's `ver`: that release, or the newest carried release before it
 * (a patch this station does not carry yet), or the oldest for an older certificate; another
 * major version is not a certificate this station can read.
 */
export function schemaVersionFor(ver: string): string | null {
  if (!SEMVER.test(ver)) return null;
  const sameMajor = SCHEMAS.map(([version]) => version).filter((version) => parts(version)[0] === parts(ver)[0]);
  return sameMajor.filter((version) => compare(version, ver) <= 0).at(-1) ?? sameMajor[0] ?? null;
}

export function checkCertificateSchema(certificate: unknown): SchemaCheck {
  const ver = (certificate as { ver?: unknown } | null)?.ver;
  const shown = typeof ver === 'string' ? ver.slice(0, 16) : '?';
  const version = typeof ver === 'string' ? schemaVersionFor(ver) : null;
  if (version === null) return { valid: false, version: shown, reason: 'no schema for this version' };
  const validate = validators().get(version)!;
  if (validate(certificate)) return { valid: true, version };
  const [first] = validate.errors ?? [];
  return { valid: false, version: shown, reason: `${first?.instancePath || '/'} ${first?.message ?? 'invalid'}` };
}
