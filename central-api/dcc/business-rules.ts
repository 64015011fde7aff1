// The vaccine-passport business rules the reference server serves: a reference acceptance policy
// for Vietnam written as CertLogic rules in the EU DCC rule format, and the value set they name.
// Data, not law: a deployment's central API serves the rules the Ministry of Health decides.

import type { DccBusinessRule, DccRuleSet } from '../../shared/central/schemas';

const clock = { plusTime: [{ var: 'external.validationClock' }, 0, 'day'] };
const at = (field: string, amount: number, unit: 'day' | 'hour') => ({ plusTime: [{ var: field }, amount, unit] });
/** Applies `logic` only to certificates that have the group (a vaccination rule passes a test). */
const forGroup = (group: 'v' | 't' | 'r', logic: unknown) => ({ if: [{ var: `payload.${group}.0` }, logic, true] });

function rule(identifier: string, type: DccBusinessRule['CertificateType'], vi: string, en: string, affected: string[], logic: unknown): DccBusinessRule {
  return {
    Identifier: identifier,
    Type: 'Acceptance',
    Country: 'VN',
    Version: '1.0.0',
    SchemaVersion: '1.3.0',
    Engine: 'CERTLOGIC',
    EngineVersion: '0.7.5',
    CertificateType: type,
    Description: [{ lang: 'vi', desc: vi }, { lang: 'en', desc: en }],
    ValidFrom: '2022-04-01T00:00:00Z',
    ValidTo: '2030-12-31T23:59:59Z',
    AffectedFields: affected,
    Logic: logic,
  };
}

/** Products (ehn-dcc-valuesets `vaccine-medicinal-product` codes) the reference policy accepts. */
const ACCEPTED_VACCINES = ['EU/1/20/1528', 'EU/1/20/1507', 'EU/1/21/1529', 'EU/1/20/1525', 'EU/1/21/1618', 'Covishield', 'BBIBP-CorV', 'Hayat-Vax', 'CoronaVac', 'Sputnik-V', 'Covaxin', 'Abdala'];

export const REFERENCE_DCC_RULES: DccRuleSet = {
  version: 'vn-reference-1',
  valueSets: { 'vaccines-covid-19-names': ACCEPTED_VACCINES },
  rules: [
    rule('VR-VN-0000', 'Vaccination', 'Vắc-xin thuộc danh mục được công nhận.', 'The vaccine is one that is recognised.', ['v.0', 'v.0.mp'],
      forGroup('v', { in: [{ var: 'payload.v.0.mp' }, { var: 'external.valueSets.vaccines-covid-19-names' }] })),
    rule('VR-VN-0001', 'Vaccination', 'Đã tiêm đủ liều cơ bản.', 'The primary course is complete.', ['v.0', 'v.0.dn', 'v.0.sd'],
      forGroup('v', { '>=': [{ var: 'payload.v.0.dn' }, { var: 'payload.v.0.sd' }] })),
    rule('VR-VN-0002', 'Vaccination', 'Mũi cuối đã tiêm ít nhất 14 ngày.', 'The last dose was at least 14 days ago.', ['v.0', 'v.0.dt'],
      forGroup('v', { 'not-before': [clock, at('payload.v.0.dt', 14, 'day')] })),
    rule('TR-VN-0000', 'Test', 'Kết quả xét nghiệm âm tính.', 'The test result is negative.', ['t.0', 't.0.tr'],
      forGroup('t', { '===': [{ var: 'payload.t.0.tr' }, '260415000'] })),
    rule('TR-VN-0001', 'Test', 'Mẫu xét nghiệm lấy trong vòng 72 giờ.', 'The sample was taken at most 72 hours ago.', ['t.0', 't.0.sc'],
      forGroup('t', { before: [clock, at('payload.t.0.sc', 72, 'hour')] })),
    rule('RR-VN-0000', 'Recovery', 'Chứng nhận khỏi bệnh còn hiệu lực.', 'The recovery certificate is within its validity.', ['r.0', 'r.0.df', 'r.0.du'],
      forGroup('r', { and: [{ 'not-before': [clock, at('payload.r.0.df', 0, 'day')] }, { 'not-after': [clock, at('payload.r.0.du', 0, 'day')] }] })),
  ],
};
