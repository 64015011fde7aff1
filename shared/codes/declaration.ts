// The paper declaration an officer types for a citizen without a smartphone. The form is parsed
// with zod (structure, required fields, lengths), then read like a card (real dates, the ID
// structure against the stated birth year and sex, phone and plate shapes). Every problem names its
// field, so the form can show it next to the input.

import { z } from 'zod';
import { buildResult, resolveOptions, type ClassifyOptions } from './classify';
import { compareDays, firstDay, parseSlashedDate, type CalendarDay } from './dates';
import { checkIdNumber } from './id-number';
import { hasUnusualNameCharacters } from './normalise';
import { finding, hasError, toProblem, type Finding, type Problem } from './problems';
import { sexSchema, symptomSchema, type ClassifiedCode, type Declaration } from './schemas';

const required = (max: number) => z.string().trim().normalize('NFC').min(1).max(max);
const optional = (max: number) => z.string().trim().normalize('NFC').max(max).default('');

/** The form as the renderer submits it. Dates are typed `dd/MM/yyyy` (or `MM/yyyy`, `yyyy`). */
export const declarationFormSchema = z.object({
  idNumber: required(20),
  fullName: required(100),
  birthDate: required(10),
  sex: sexSchema,
  phone: required(20),
  address: z.object({ province: required(100), district: required(100), detail: optional(200) }),
  travel: z.object({ from: required(200), to: required(200) }),
  vehiclePlate: optional(20),
  health: z.object({
    symptoms: z.array(symptomSchema).max(symptomSchema.options.length).default([]),
    symptomNotes: optional(500),
    contactWithConfirmedCase: z.boolean(),
    vaccinationDoses: z.number().int().min(0).max(10),
  }),
});
export type DeclarationForm = z.input<typeof declarationFormSchema>;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), input);
}

function issueToFinding(issue: z.core.$ZodIssue, input: unknown): Finding {
  const field = issue.path.join('.');
  if (field === '') return finding('declaration.invalid-input');
  if ((issue.code === 'too_small' && issue.origin === 'string') || valueAt(input, issue.path) === undefined) return finding('field.required', field);
  if (issue.code === 'too_big' && issue.origin === 'string') return finding('field.too-long', field, { max: Number(issue.maximum) });
  return finding(field === 'sex' ? 'sex.invalid' : 'field.invalid', field);
}

/** Accepts spaces, dots, dashes and the +84 country prefix; returns the 10-digit national form. */
function normalisePhone(text: string): string | undefined {
  const compact = text.replace(/[\s.-]/g, '').replace(/^\+84/, '0');
  return /^0\d{9}$/.test(compact) ? compact : undefined;
}

/** Cars `29A-123.45`, motorbikes `29-B1 123.45`, two-letter series `80NG-123.45`. */
function isPlate(text: string): boolean {
  return /^\d{2}[A-Z]{1,2}\d?\d{4,5}$/.test(text.replace(/[\s.-]/g, ''));
}

/** Checks that hold for any declaration, typed just now or stored earlier. */
function checkDeclaration(declaration: Declaration, today: CalendarDay): Finding[] {
  const findings: Finding[] = [];
  if (compareDays(firstDay(declaration.birthDate), today) > 0) findings.push(finding('date.in-future', 'birthDate'));
  if (hasUnusualNameCharacters(declaration.fullName)) findings.push(finding('name.unusual-characters', 'fullName'));
  findings.push(...checkIdNumber(declaration.idNumber, 'idNumber', declaration));
  return findings;
}

function readForm(form: z.output<typeof declarationFormSchema>, today: CalendarDay): { declaration?: Declaration; findings: Finding[] } {
  const findings: Finding[] = [];
  const birthDate = parseSlashedDate(form.birthDate);
  if (!birthDate) findings.push(finding('date.invalid', 'birthDate'));
  const phone = normalisePhone(form.phone);
  if (!phone) findings.push(finding('phone.invalid', 'phone'));
  const vehiclePlate = form.vehiclePlate === '' ? null : form.vehiclePlate.toUpperCase();
  if (vehiclePlate !== null && !isPlate(vehiclePlate)) findings.push(finding('plate.invalid', 'vehiclePlate'));
  if (!birthDate || !phone || findings.length > 0) return { findings };

  const declaration: Declaration = { ...form, birthDate, phone, vehiclePlate };
  return { declaration, findings: checkDeclaration(declaration, today) };
}

export interface DeclarationOptions {
  now?: Date;
  locale?: 'vi' | 'en';
}

/** Validates a submitted form. `declaration` is present exactly when there is no error. */
export function validateDeclaration(input: unknown, options?: DeclarationOptions): { declaration?: Declaration; problems: Problem[] } {
  const { today, locale } = resolveOptions(options);
  const parsed = declarationFormSchema.safeParse(input);
  const read = parsed.success ? readForm(parsed.data, today) : { findings: uniqueByField(parsed.error.issues.map((issue) => issueToFinding(issue, input))) };
  const problems = read.findings.map((found) => toProblem(found, locale));
  return hasError(problems) || !read.declaration ? { problems } : { declaration: read.declaration, problems };
}

// zod may report several issues for one input; the officer needs one message per field.
function uniqueByField(findings: Finding[]): Finding[] {
  const seen = new Set<string | undefined>();
  return findings.filter((found) => !seen.has(found.field) && seen.add(found.field));
}

/** A validated declaration as a classified code, so it goes through the same verdict pipeline as a scan. */
export function declarationToCode(declaration: Declaration, options?: ClassifyOptions): ClassifiedCode {
  const { today, locale } = resolveOptions(options);
  return buildResult('paper-declaration', declaration, checkDeclaration(declaration, today), locale);
}
