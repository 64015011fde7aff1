// Public surface of the citizen-code library. Everything here is pure: no I/O, no clock except the
// default `now`, no globals beyond ES2023.

export { classifyCode, type ClassifyOptions } from './classify';
export { describeIdNumber, isIdNumber, type IdNumberFacts } from './id-number';
export { cardValidity, CAN_CUOC_MILESTONES, CHIP_CARD_MILESTONES, type CardValidity } from './card-expiry';
export { declarationFormSchema, declarationToCode, validateDeclaration, type DeclarationForm, type DeclarationOptions } from './declaration';
export { DEFAULT_VNEID_TOKEN_PATTERN } from './formats/vneid-token';
export { MAX_FIELDS, MAX_PAYLOAD_BYTES } from './limits';
export { PROBLEM_CODES, PROBLEM_SEVERITY, type Locale, type Problem, type ProblemCode, type ProblemParams, type Severity } from './problems';
export { fieldLabels, problemMessages } from './problem-messages';
export { findProvince, PROVINCE_CODES, type ProvinceCode } from './province-codes';
export type { CalendarDay } from './dates';
export {
  bhytFieldsSchema,
  canCuocCardFieldsSchema,
  chipCardFieldsSchema,
  classifiedCodeSchema,
  copiedCardFieldsSchema,
  declarationSchema,
  partialDateSchema,
  pcCovidFieldsSchema,
  problemSchema,
  sexSchema,
  symptomSchema,
  vneidTokenFieldsSchema,
  type ClassifiedCode,
  type CodeKind,
  type Declaration,
  type FieldsOf,
  type PartialDate,
  type Sex,
} from './schemas';
