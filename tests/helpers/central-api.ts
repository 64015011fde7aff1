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
