import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { classifyCode, fieldLabels, PROBLEM_CODES, PROBLEM_SEVERITY, problemMessages, problemSchema, validateDeclaration, type Problem, type ProblemCode } from '../../../shared/codes';
import { interpolate } from '../../../shared/codes/problems';
import { createEuDccReader } from '../../../electron/core/dcc/read-eu-dcc';
import { trustListOf } from '../../../electron/core/dcc/trust-list';
import { KEY_USAGE, makeDcc, makeSigner, VACCINATED } from '../../helpers/dcc-fixtures';
import { asWindows1252, CHIP_CARD, chipCard, classify, hex, NOW } from './fixtures';

const FORM = {
  idNumber: '001158024485',
  fullName: 'Đinh Thị Huyền',
  birthDate: '08/10/1958',
  sex: 'female',
  phone: '0912345678',
  address: { province: 'Hà Nội', district: 'Thường Tín' },
  travel: { from: 'Hà Nội', to: 'Lạng Sơn' },
  health: { contactWithConfirmedCase: false, vaccinationDoses: 2 },
};
const declared = (patch: Record<string, unknown>) => validateDeclaration({ ...FORM, ...patch }, { now: NOW }).problems;
const scanned = (raw: string, locale: 'vi' | 'en' = 'vi') => classify(raw, { locale }).problems;

// Vaccine passports need a signer on the trust list; every DCC stage has its own test in
// tests/core/dcc/read-eu-dcc.test.ts, these only prove each code renders.
const signer = await makeSigner({ keyUsages: [KEY_USAGE.test] });
const pastSigner = await makeSigner({ notAfter: new Date(Date.now() - 1000), notBefore: new Date(Date.now() - 2 * 86_400_000) });
const readEuDcc = createEuDccReader(() => trustListOf([signer.certificate, pastSigner.certificate]));
const dcc = (text: string) => classifyCode(text, { readEuDcc }).problems;
const VALID_DCC = makeDcc(signer, { request: { ...VACCINATED, type: 'test', sampledAt: '2021-10-01T08:00:00Z', detected: false } });

/** One real trigger per problem code: adding a code without a test fails to compile. */
const TRIGGERS: Record<ProblemCode, () => Problem[]> = {
  'input.not-text': () => classifyCode(7 as unknown as string).problems,
  'input.empty': () => scanned('\r\n'),
  'input.too-large': () => scanned('x'.repeat(5000)),
  'input.control-characters': () => scanned('a\u0000b'),
  'input.malformed-unicode': () => scanned('\uDFFF'),
  'input.too-many-fields': () => scanned('|'.repeat(40)),
  'format.layout': () => scanned(chipCard({ 2: 'Nữ', 4: 'Đinh Thị Huyền' })),
  'encoding.mojibake': () => scanned(asWindows1252(CHIP_CARD)),
  'encoding.diacritics-lost': () => scanned(chipCard({ 2: 'Nguy?n' })),
  'encoding.possibly-ascii': () => scanned(chipCard({ 2: 'Dinh Thi Huyen', 5: 'Ha Noi' })),
  'format.unrecognised': () => scanned('hello'),
  'format.unexpected-field-count': () => scanned(chipCard({}, ['', ''])),
  'field.required': () => scanned(chipCard({ 6: '' })),
  'field.empty': () => scanned(chipCard({ 5: '' })),
  'field.invalid': () => declared({ health: { contactWithConfirmedCase: 'maybe', vaccinationDoses: 2 } }),
  'field.too-long': () => declared({ phone: '0'.repeat(21) }),
  'id.invalid-format': () => scanned(chipCard({ 0: '1234' })),
  'id.unknown-place-code': () => scanned(chipCard({ 0: '099158024485' })),
  'id.birth-year-mismatch': () => scanned(chipCard({ 3: '1957' })),
  'id.sex-mismatch': () => scanned(chipCard({ 4: 'Nam' })),
  'old-id.invalid-format': () => scanned(chipCard({ 1: 'abc' })),
  'name.unusual-characters': () => scanned(chipCard({ 2: 'Huyền#1' })),
  'date.invalid': () => scanned(chipCard({ 3: '32011958' })),
  'date.in-future': () => scanned(chipCard({ 6: '01012030' })),
  'date.issue-before-birth': () => scanned(chipCard({ 6: '01011950' })),
  'sex.invalid': () => scanned(chipCard({ 4: 'N/A' })),
  'phone.invalid': () => declared({ phone: '0912' }),
  'plate.invalid': () => declared({ vehiclePlate: '12345' }),
  'bhyt.undecodable-field': () => scanned(`0120878811|zz|08/10/1958|2|${hex('Hà Nội')}|01 - 123|01/01/2025|-|$`),
  'bhyt.expired': () => scanned(`0120878811|${hex('Đinh Thị Huyền')}|08/10/1958|2|-|01 - 123|01/01/2020|31/12/2020|01/01/2020|$`),
  'bhyt.not-yet-valid': () => scanned(`0120878811|${hex('Đinh Thị Huyền')}|08/10/1958|2|-|01 - 123|01/01/2099|-|01/01/2020|$`),
  'dcc.prefix': () => dcc(VALID_DCC.replace('HC1:', 'HC2:')),
  'dcc.base45': () => dcc(`${VALID_DCC}~`),
  'dcc.compression': () => dcc(makeDcc(signer, { compress: false })),
  'dcc.cose': () => dcc(makeDcc(signer, { tamper: (cose) => Uint8Array.of(0xd3, ...cose.subarray(1)) })),
  'dcc.cbor': () => dcc(makeDcc(signer, { tamper: (cose) => cose.subarray(0, cose.length - 10) })),
  'dcc.unknown-signer': () => dcc(makeDcc(signer, { protectedKid: new Uint8Array(8) })),
  'dcc.signature': () => dcc(makeDcc(signer, { signingKey: pastSigner.privateKey })),
  'dcc.key-usage': () => dcc(makeDcc(signer)),
  'dcc.signer-not-valid': () => dcc(makeDcc(pastSigner)),
  'dcc.schema': () => dcc(makeDcc(signer, { certificate: { ver: '1.3.0' } })),
  'dcc.expired': () => dcc(makeDcc(signer, { expiresAt: new Date(Date.now() - 86_400_000), request: { ...VACCINATED, type: 'test', sampledAt: '2021-10-01T08:00:00Z', detected: false } })),
  'dcc.not-yet-valid': () => dcc(makeDcc(signer, { issuedAt: new Date(Date.now() + 86_400_000), request: { ...VACCINATED, type: 'test', sampledAt: '2021-10-01T08:00:00Z', detected: false } })),
  'dcc.unverifiable': () => scanned(VALID_DCC),
  'card.expired': () => scanned(chipCard({ 0: '001198024485', 3: '15081998', 6: '01042021' })),
  'card.not-from-card': () => scanned('001158024485|Đinh Thị Huyền|08/10/1958|Nữ|Hà Nội|24/04/2021'),
  'declaration.invalid-input': () => validateDeclaration('form').problems,
  'internal.unexpected': () =>
    classifyCode(
      'x',
      Object.defineProperty({}, 'locale', {
        get() {
          throw new Error('boom');
        },
      }),
    ).problems,
};

describe('problem codes', () => {
  it.each(PROBLEM_CODES)('%s is produced, with its fixed severity and a rendered message', (code) => {
    const problems = TRIGGERS[code]();
    const problem = problems.find((p) => p.code === code);
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problemSchema.parse(problem)).toEqual(problem);
    expect(problem?.severity).toBe(PROBLEM_SEVERITY[code]);
    expect(problem?.message).not.toMatch(/\{\{|\}\}/);
    if (problem?.field) expect(problem.message).toMatch(/^[^:]+: /);
  });

  it('have a message in both languages, with the same placeholders', () => {
    for (const code of PROBLEM_CODES) {
      const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(problemMessages.vi[code].length).toBeGreaterThan(0);
      expect(placeholders(problemMessages.en[code])).toEqual(placeholders(problemMessages.vi[code]));
    }
  });

  it('label every field in both languages', () => {
    expect(Object.keys(fieldLabels.en).sort()).toEqual(Object.keys(fieldLabels.vi).sort());
  });

  it('render in English on request', () => {
    expect(scanned(chipCard({ 3: '32011958' }), 'en')[0]?.message).toBe('Date of birth: not a real date.');
    expect(scanned(chipCard({ 3: '32011958' }))[0]?.message).toBe('Ngày sinh: ngày không hợp lệ.');
  });

  it('load as an i18next namespace and render the same messages', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { vi: { problems: problemMessages.vi }, en: { problems: problemMessages.en } }, defaultNS: 'problems', interpolation: { escapeValue: false } });
    const problem = scanned('x'.repeat(5000), 'en')[0];
    expect(i18n.t('input.too-large', problem?.params)).toBe(problem?.message);
    const fielded = scanned(chipCard({ 3: '32011958' }))[0];
    expect(i18n.t('date.invalid', { lng: 'vi', field: fieldLabels.vi.birthDate })).toBe(fielded?.message);
  });

  it('interpolate i18next-style placeholders once, leaving unknown ones', () => {
    expect(interpolate('{{a}} and {{b}} and {{a}}', { a: '{{b}}' })).toBe('{{b}} and {{b}} and {{b}}');
  });
});
