import type { FaultPlan } from '../../central-api/api-types';
import type { RegisteredCitizen } from '../../central-api/db/citizens';
import { startCentralApi, type CentralApi } from '../../central-api/server';

export const enrolSecret = 'test-enrol-secret';

/** The reference central API in-process on 127.0.0.1, with admin endpoints, on a temp folder. */
export function startTestCentralApi(dataDir: string, port = 0): Promise<CentralApi> {
  return startCentralApi({ dataDir, port, enrolSecret, testAdmin: true, population: 400 });
}

/** The 2021 chip-card QR text for a registered citizen, as the card would carry it. */
export function cardPayloadFor(citizen: Pick<RegisteredCitizen, 'idNumber' | 'fullName' | 'birthDate' | 'sex'>): string {
  const [year, month, day] = citizen.birthDate.split('-');
  return `${citizen.idNumber}||${citizen.fullName}|${day}${month}${year}|${citizen.sex === 'female' ? 'Nữ' : 'Nam'}|Phường Bến Nghé, TP Hồ Chí Minh|01112025`;
}

/** Adults only: a 2021 chip card is issued from 14, and its expiry rules are simplest for adults. */
export const isAdult = (citizen: { birthDate: string }) => Number(citizen.birthDate.slice(0, 4)) <= 2000;

/** Puts a fault plan in force on the test server (PUT /admin/faults); an empty list turns faults off. */
export async function setFaults(apiUrl: string, faults: FaultPlan['faults']): Promise<void> {
  const response = await fetch(`${apiUrl}/admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults }) });
  if (response.status !== 204) throw new Error(`setting faults answered ${response.status}`);
}

/** A vaccine passport from the test server's own signer (POST /admin/dcc); `validDays` < 0 issues an expired one. */
export async function issueDcc(apiUrl: string, body: Record<string, unknown> = {}): Promise<string> {
  const request = { type: 'vaccination', familyName: 'Hoàng', givenName: 'Thu Trang', birthDate: '1992-11-30', dose: 2, seriesDoses: 2, date: '2021-10-15', ...body };
  const response = await fetch(`${apiUrl}/admin/dcc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  if (response.status !== 201) throw new Error(`issuing a DCC answered ${response.status}`);
  return ((await response.json()) as { qr: string }).qr;
}
