// A real central API on 127.0.0.1 for a test file: its own temp data folder, closed afterwards.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { startCentralApi, type CentralApi, type CentralApiOptions, type PassageUpload } from '../../central-api';

export const ENROL_SECRET = 'test-enrol-secret';
/** The checkpoint `enrol` binds a station to, and `passage` names. */
export const CHECKPOINT = 'CP-01';

export interface TestApi extends CentralApi {
  dataDir: string;
  /** fetch against the server; `token` adds the bearer header, `body` is sent as JSON. */
  request(path: string, init?: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /**
   * Enrols a station with the bootstrap secret (at CP-01 unless told) and returns its token; an
   * enrolled station enrols again only with its current `token`.
   */
  enrol(stationId?: string, options?: { checkpointId?: string; token?: string }): Promise<string>;
}

/** Starts a server (test admin on, enrolment secret registered) in a fresh folder. */
export async function startTestApi(options: Partial<CentralApiOptions> = {}): Promise<TestApi> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'central-api-test-'));
  const api = await startCentralApi({ enrolSecret: ENROL_SECRET, testAdmin: true, ...options, dataDir });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await api.close();
  };
  afterAll(async () => {
    await close();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  const request: TestApi['request'] = (path, init = {}) =>
    fetch(api.url + path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
        ...(init.token !== undefined && { authorization: `Bearer ${init.token}` }),
        ...init.headers,
      },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
  const enrol: TestApi['enrol'] = async (stationId = 'ST-TEST-1', { checkpointId = CHECKPOINT, token } = {}) => {
    const response = await request('/v1/stations/enrol', { body: { stationId, secret: ENROL_SECRET, checkpointId }, ...(token !== undefined && { token }) });
    if (response.status !== 201) throw new Error(`enrolment failed: ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  };
  return { ...api, close, dataDir, request, enrol };
}

/** A valid passage for `stationId`; override any field. */
export function passage(stationId: string, overrides: Partial<PassageUpload> = {}): PassageUpload {
  return {
    id: randomUUID(),
    sequence: 1,
    stationId,
    checkpointId: CHECKPOINT,
    laneId: 'lane-1',
    direction: 'entry',
    codeKind: 'chip-card',
    idNumber: null,
    fullName: null,
    birthDate: null,
    sex: null,
    vneidToken: null,
    verdict: 'pass',
    reasons: [],
    verification: 'online',
    officerId: null,
    plate: null,
    note: null,
    scannedAt: new Date().toISOString(),
    serverTime: null,
    revision: 0,
    override: null,
    ...overrides,
  };
}
