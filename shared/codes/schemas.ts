// Result shapes as zod schemas: a classified code crosses IPC (core → renderer, CLI → JSON), so the
// receiving side parses it once at the edge. The TypeScript types are inferred from these schemas,
// so the two cannot drift apart.

import { z } from 'zod';
import { hasError, PROBLEM_CODES, PROBLEM_SEVERITY, type Problem } from './problems';

export const sexSchema = z.enum(['male', 'female']);
export type Sex = z.infer<typeof sexSchema>;

const year = z.number().int().min(1900).max(9999);
const month = z.number().int().min(1).max(12);

/** Some cards print only the year, or month and year, of birth. */
export const partialDateSchema = z.discriminatedUnion('precision', [
  z.object({ precision: z.literal('day'), year, month, day: z.number().int().min(1).max(31) }),
  z.object({ precision: z.literal('month'), year, month }),
  z.object({ precision: z.literal('year'), year }),
]);
export type PartialDate = z.infer<typeof partialDateSchema>;

const isoDay = z.iso.date();

export const problemSchema: z.ZodType<Problem> = z
  .object({
    code: z.enum(PROBLEM_CODES),
    severity: z.enum(['error', 'warning']),
    field: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    message: z.string().min(1),
  })
  .refine((problem) => PROBLEM_SEVERITY[problem.code] === problem.severity, 'severity must match the code');

/** Person fields shared by every ID-card variant. Optional ones are absent when unreadable. */
const cardPersonShape = {
  idNumber: z.string(),
  fullName: z.string(),
  birthDate: partialDateSchema.optional(),
  sex: sexSchema.optional(),
  address: z.string(),
  issueDate: isoDay.optional(),
  /** Last valid day by the renewal milestones; null: the card never expires; absent: unknown. */
  validUntil: isoDay.nullable().optional(),
};

/** Fields past the 7th, keyed by 1-based position (`field8`…), kept even when we cannot name them. */
const extras = z.record(z.string(), z.string());

export const chipCardFieldsSchema = z.object({
  ...cardPersonShape,
  oldIdNumber: z.string().nullable(),
  fromCard: z.literal(true),
});

export const canCuocCardFieldsSchema = chipCardFieldsSchema.extend({ extras });

export const copiedCardFieldsSchema = z.object({ ...cardPersonShape, fromCard: z.literal(false) });

export const pcCovidFieldsSchema = z.object({
  documentNumber: z.string(),
  documentNumberMasked: z.boolean(),
  fullName: z.string(),
  birthDate: partialDateSchema.optional(),
  birthDateMasked: z.boolean(),
  /** LoaiDinhDanh, kept verbatim: its value list is not public. */
  documentType: z.string(),
  qid: z.string(),
  ext: z.string(),
  extras,
});

export const bhytFieldsSchema = z.object({
  cardNumber: z.string(),
  /** The last 10 digits of the card number: the holder's social-insurance number. */
  socialInsuranceNumber: z.string(),
  fullName: z.string(),
  birthDate: partialDateSchema.optional(),
  sex: sexSchema.optional(),
  address: z.string(),
  /** Fields [6]–[7]: the card's validity; `validUntil` null when the card has no end (`-`). */
  validFrom: isoDay.optional(),
  validUntil: isoDay.nullable().optional(),
  /** Field [15] of a 17-field card (2021 onward), decoded. */
  issuingPlace: z.string().optional(),
  /** Fields from the 6th on, verbatim (the ones not decoded above have no confirmed meaning). */
  otherFields: z.array(z.string()),
});

export const vneidTokenFieldsSchema = z.object({
  /** Opaque and short-lived: only the central system can verify it. Never decoded here. */
  token: z.string(),
  verification: z.literal('online-required'),
});

const country = z.string().max(8);
const certificateDate = z.string().max(32);

/** What a vaccine passport tells the officer about the person's vaccination, test or recovery. */
export const euDccSummarySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('vaccination'), dose: z.number().int(), seriesDoses: z.number().int(), date: certificateDate, country }),
  z.object({ type: z.literal('test'), date: certificateDate, result: z.enum(['not-detected', 'detected', 'other']), country }),
  z.object({ type: z.literal('recovery'), date: certificateDate, validFrom: certificateDate, validUntil: certificateDate, country }),
]);

/**
 * An EU Digital COVID Certificate. The person and the summary are there only once the signature
 * and the schema were checked; the certificate identifier and the rest never leave the reader.
 */
export const euDccFieldsSchema = z.object({
  fullName: z.string().optional(),
  birthDate: partialDateSchema.optional(),
  certificate: euDccSummarySchema.optional(),
  /** The CWT's issuer country, issued-at and expiry (ISO 8601), once the signature holds. */
  issuer: z.string().max(8).nullable().optional(),
  issuedAt: z.iso.datetime().optional(),
  expiresAt: z.iso.datetime().optional(),
  /** The central API's business rules (CertLogic) this certificate failed, by rule id and description. */
  businessRules: z.object({ version: z.string().max(64), failed: z.array(z.object({ rule: z.string().max(32), description: z.string().max(500) })).max(500) }).optional(),
});

export const symptomSchema = z.enum(['fever', 'cough', 'shortness-of-breath', 'sore-throat', 'loss-of-taste-or-smell', 'other']);

export const declarationSchema = z.object({
  idNumber: z.string(),
  fullName: z.string(),
  birthDate: partialDateSchema,
  sex: sexSchema,
  phone: z.string(),
  address: z.object({ province: z.string(), district: z.string(), detail: z.string() }),
  travel: z.object({ from: z.string(), to: z.string() }),
  vehiclePlate: z.string().nullable(),
  health: z.object({
    symptoms: z.array(symptomSchema),
    symptomNotes: z.string(),
    contactWithConfirmedCase: z.boolean(),
    vaccinationDoses: z.number().int().min(0).max(10),
  }),
});
export type Declaration = z.infer<typeof declarationSchema>;

const problems = z.array(problemSchema);
const variant = <K extends string, F extends z.ZodType>(kind: K, fields: F) =>
  z.object({ kind: z.literal(kind), valid: z.boolean(), fields, problems });

export const classifiedCodeSchema = z
  .discriminatedUnion('kind', [
    variant('chip-card', chipCardFieldsSchema),
    variant('can-cuoc-card', canCuocCardFieldsSchema),
    variant('copied-card', copiedCardFieldsSchema),
    variant('pc-covid', pcCovidFieldsSchema),
    variant('bhyt', bhytFieldsSchema),
    variant('vneid-token', vneidTokenFieldsSchema),
    variant('eu-dcc', euDccFieldsSchema),
    variant('paper-declaration', declarationSchema),
    variant('unknown', z.object({})),
  ])
  .refine((code) => code.valid === !hasError(code.problems), 'valid must mean: no error');

export type ClassifiedCode = z.infer<typeof classifiedCodeSchema>;
export type CodeKind = ClassifiedCode['kind'];
export type FieldsOf<K extends CodeKind> = Extract<ClassifiedCode, { kind: K }>['fields'];
