// Certificate JSON the test issuer signs: schema 1.3.0 shapes, with the ICAO 9303 transliteration
// of the names (fnt/gnt) made from the names as written.

export interface PersonInput {
  familyName: string;
  givenName: string;
  /** `yyyy-MM-dd`, `yyyy-MM`, `yyyy` or empty. */
  birthDate: string;
}

export type CertificateRequest = PersonInput & (
  | { type: 'vaccination'; dose: number; seriesDoses: number; date: string }
  | { type: 'test'; sampledAt: string; detected: boolean }
  | { type: 'recovery'; firstPositive: string; validFrom: string; validUntil: string }
);

const COUNTRY = 'VN';
const ISSUER = 'Bộ Y tế (reference server, test only)';
const COVID_19 = '840539006';

/** Upper-case A–Z with `<` between words, as machine-readable zones write names. */
export function transliterate(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/giu, 'D').toUpperCase().replace(/[^A-Z]+/g, '<').replace(/^<|<$/g, '').slice(0, 80);
}

export function certificateJson(request: CertificateRequest, identifier: string): Record<string, unknown> {
  const base = {
    ver: '1.3.0',
    nam: { fn: request.familyName, fnt: transliterate(request.familyName), gn: request.givenName, gnt: transliterate(request.givenName) },
    dob: request.birthDate,
  };
  const common = { tg: COVID_19, co: COUNTRY, is: ISSUER, ci: identifier };
  switch (request.type) {
    case 'vaccination':
      return { ...base, v: [{ ...common, vp: 'J07BX03', mp: 'EU/1/20/1528', ma: 'ORG-100030215', dn: request.dose, sd: request.seriesDoses, dt: request.date }] };
    case 'test':
      return { ...base, t: [{ ...common, tt: 'LP6464-4', sc: request.sampledAt, tr: request.detected ? '260373001' : '260415000', tc: 'Reference test centre' }] };
    case 'recovery':
      return { ...base, r: [{ ...common, fr: request.firstPositive, df: request.validFrom, du: request.validUntil }] };
  }
}
