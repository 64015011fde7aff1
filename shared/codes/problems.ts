// Stable problem codes. A code never changes meaning once released: screens, logs and stored records
// key on it. Each code has one fixed severity: an error makes the code invalid, a warning is shown to
// the officer but leaves the verdict to the pipeline.

import { fieldLabels, problemMessages } from './problem-messages';

export type Severity = 'error' | 'warning';
export type Locale = 'vi' | 'en';

export const PROBLEM_SEVERITY = {
  // Hard input limits: checked before any parsing work.
  'input.not-text': 'error',
  'input.empty': 'error',
  'input.too-large': 'error',
  'input.control-characters': 'error',
  'input.malformed-unicode': 'error',
  'input.too-many-fields': 'error',
  // Text mangled on the way from the QR code to us.
  'encoding.mojibake': 'error',
  'encoding.diacritics-lost': 'error',
  'encoding.possibly-ascii': 'warning',
  // Shape of the payload.
  'format.unrecognised': 'error',
  'format.unexpected-field-count': 'warning',
  'format.layout': 'error',
  // Field contents.
  'field.required': 'error',
  'field.empty': 'warning',
  'field.invalid': 'error',
  'field.too-long': 'error',
  'id.invalid-format': 'error',
  'id.unknown-place-code': 'warning',
  'id.birth-year-mismatch': 'warning',
  'id.sex-mismatch': 'warning',
  'old-id.invalid-format': 'warning',
  'name.unusual-characters': 'warning',
  'date.invalid': 'error',
  'date.in-future': 'error',
  'date.issue-before-birth': 'error',
  'sex.invalid': 'error',
  'phone.invalid': 'error',
  'plate.invalid': 'error',
  'bhyt.undecodable-field': 'warning',
  'bhyt.expired': 'warning',
  'bhyt.not-yet-valid': 'warning',
  // A vaccine passport (EU DCC), by the stage of reading it that failed.
  'dcc.prefix': 'error',
  'dcc.base45': 'error',
  'dcc.compression': 'error',
  'dcc.cose': 'error',
  'dcc.cbor': 'error',
  'dcc.unknown-signer': 'error',
  'dcc.signature': 'error',
  'dcc.key-usage': 'error',
  'dcc.signer-not-valid': 'error',
  'dcc.schema': 'error',
  'dcc.expired': 'error',
  'dcc.not-yet-valid': 'error',
  'dcc.unverifiable': 'error',
  // Facts about the document as a whole.
  'card.expired': 'warning',
  'card.not-from-card': 'warning',
  'declaration.invalid-input': 'error',
  // Safety net: classifyCode must never throw, so a bug surfaces as this code instead.
  'internal.unexpected': 'error',
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof PROBLEM_SEVERITY;
export const PROBLEM_CODES = Object.keys(PROBLEM_SEVERITY) as [ProblemCode, ...ProblemCode[]];

export type ProblemParams = Record<string, string | number>;

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  field?: string;
  params?: ProblemParams;
  message: string;
}

/** What parsers report: the locale-free part of a problem. Messages are rendered once, at the end. */
export interface Finding {
  code: ProblemCode;
  field?: string;
  params?: ProblemParams;
}

export function finding(code: ProblemCode, field?: string, params?: ProblemParams): Finding {
  return { code, ...(field === undefined ? {} : { field }), ...(params === undefined ? {} : { params }) };
}

// i18next syntax so the renderer can load the same catalog as a namespace. A single pass with a
// bounded token pattern: no backtracking, and values are never re-scanned.
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w{1,40})\}\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

export function fieldLabel(field: string, locale: Locale): string {
  return (fieldLabels[locale] as Record<string, string>)[field] ?? field;
}

export function toProblem(found: Finding, locale: Locale): Problem {
  const values = { ...found.params, field: found.field === undefined ? '' : fieldLabel(found.field, locale) };
  return { ...found, severity: PROBLEM_SEVERITY[found.code], message: interpolate(problemMessages[locale][found.code], values) };
}

export function hasError(problems: readonly { severity: Severity }[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
