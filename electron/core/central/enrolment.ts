import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ensureWritableFolder } from '../db/data-folder';
import { ownerOnlyFile, type KeySealer } from '../db/database-key';
import { createApiClient } from './api-client';

const enrolmentSchema = z.object({ apiUrl: z.string(), stationId: z.string(), token: z.string().min(32) });
export type Enrolment = z.infer<typeof enrolmentSchema>;

/**
 * The station's credential for the central API, in its data folder: sealed by the OS keychain in
 * the desktop app (like the database key), owner-only JSON in headless and browser mode.
 */
export const enrolmentFileName = 'enrolment.json';
const sealedEnrolmentFileName = 'enrolment.sealed';

export interface EnrolmentStore {
  /** The enrolment for this API URL, or null when the station is not enrolled with it. */
  load(apiUrl: string): Promise<Enrolment | null>;
  save(enrolment: Enrolment): Promise<void>;
}

export function createEnrolmentStore(dataDir: string, sealer: KeySealer = ownerOnlyFile): EnrolmentStore {
  const plainPath = join(dataDir, enrolmentFileName);
  const sealedPath = join(dataDir, sealedEnrolmentFileName);
  const keychain = sealer.kind === 'os-keychain';

  async function read(): Promise<unknown> {
    if (keychain) {
      const sealed = await readFile(sealedPath).catch(() => null);
      if (sealed !== null) return parseJson(await sealer.unseal(sealed));
    }
    const plain = await readFile(plainPath, 'utf8').catch(() => null);
    const value = plain === null ? null : parseJson(plain);
    // A desktop token from before it was sealed: sealed now, the plain copy removed.
    if (keychain && enrolmentSchema.safeParse(value).success) {
      await save(value as Enrolment);
      await rm(plainPath, { force: true });
    }
    return value;
  }

  async function save(enrolment: Enrolment): Promise<void> {
    ensureWritableFolder(dataDir);
    const text = JSON.stringify(enrolment);
    if (keychain) await writeFile(sealedPath, await sealer.seal(text), { mode: 0o600 });
    else await writeFile(plainPath, `${text}\n`, { mode: 0o600 });
  }

  return {
    async load(apiUrl) {
      const parsed = enrolmentSchema.safeParse(await read());
      return parsed.success && sameApi(parsed.data.apiUrl, apiUrl) ? parsed.data : null;
    },
    save,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
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
  /** Where the token is kept. */
  store: EnrolmentStore;
}

/**
 * Trades the one-time secret for the station's token and keeps it in the data folder. Throws ApiError.
 * A station enrolled with this API already presents its current token: the API lets only the station
 * itself enrol its id again with a bootstrap secret.
 */
export async function enrolStation(request: EnrolRequest): Promise<Enrolment> {
  const current = await request.store.load(request.apiUrl);
  const currentToken = current?.stationId === request.stationId ? current.token : null;
  const api = createApiClient({ baseUrl: request.apiUrl, token: currentToken, pinnedCaPem: request.pinnedCaPem });
  const { token } = await api.enrol({ stationId: request.stationId, secret: request.secret, checkpointId: request.checkpoint.id, name: request.checkpoint.name });
  const enrolment = { apiUrl: request.apiUrl, stationId: request.stationId, token };
  await request.store.save(enrolment);
  return enrolment;
}
