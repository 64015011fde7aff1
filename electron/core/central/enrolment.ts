import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ensureWritableFolder } from '../db/data-folder';
import { createApiClient } from './api-client';

const enrolmentSchema = z.object({ apiUrl: z.string(), stationId: z.string(), token: z.string().min(32) });
export type Enrolment = z.infer<typeof enrolmentSchema>;

/** The station's credential for the central API, kept owner-only in its data folder. */
export const enrolmentFileName = 'enrolment.json';

export async function saveEnrolment(dataDir: string, enrolment: Enrolment): Promise<void> {
  await writeFile(join(dataDir, enrolmentFileName), `${JSON.stringify(enrolment)}\n`, { mode: 0o600 });
}

/** The enrolment for this API URL, or null when the station is not enrolled with it. */
export async function loadEnrolment(dataDir: string, apiUrl: string): Promise<Enrolment | null> {
  let text: string;
  try {
    text = await readFile(join(dataDir, enrolmentFileName), 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = enrolmentSchema.safeParse(json);
  return parsed.success && sameApi(parsed.data.apiUrl, apiUrl) ? parsed.data : null;
}

function sameApi(a: string, b: string): boolean {
  return new URL(a).href.replace(/\/$/, '') === new URL(b).href.replace(/\/$/, '');
}

/** `<checkpoint id>-<host name>`, as the central API wants a station id. */
export function defaultStationId(checkpointId: string): string {
  return `${checkpointId}-${hostname()}`.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 64);
}

export interface EnrolRequest {
  apiUrl: string;
  secret: string;
  stationId: string;
  checkpoint: { id: string; name: string };
  /** The pinned CA of a closed network, if any. */
  pinnedCaPem: string | null;
  dataDir: string;
}

/** Trades the one-time secret for the station's token and keeps it in the data folder. Throws ApiError. */
export async function enrolStation(request: EnrolRequest): Promise<Enrolment> {
  const api = createApiClient({ baseUrl: request.apiUrl, token: null, pinnedCaPem: request.pinnedCaPem });
  const { token } = await api.enrol({ stationId: request.stationId, secret: request.secret, checkpointId: request.checkpoint.id, name: request.checkpoint.name });
  ensureWritableFolder(request.dataDir);
  const enrolment = { apiUrl: request.apiUrl, stationId: request.stationId, token };
  await saveEnrolment(request.dataDir, enrolment);
  return enrolment;
}
