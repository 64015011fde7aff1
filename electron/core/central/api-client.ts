import { Agent } from 'node:https';
import fetch, { type RequestInit, type Response } from 'node-fetch';
import type { z } from 'zod';
import {
  dccRuleSetSchema,
  dccTrustListSchema,
  denyListDeltaSchema,
  enrolResponseSchema,
  passageBatchResultSchema,
  problemSchema,
  ruleSetSchema,
  serverTimeSchema,
  verifyResponseSchema,
  type CodeForVerification,
  type DccRuleSet,
  type DccTrustListBody,
  type DenyListDelta,
  type PassageResult,
  type PassageUpload,
  type RuleSet,
  type VerifyResponse,
  type CheckpointContext,
  verifyRequestSchema,
} from '../../../shared/central/schemas';
import { ApiError, parseRetryAfter } from './api-errors';
import { checkApiUrl } from './transport-policy';

export interface ApiClientOptions {
  baseUrl: string;
  /** The station token from enrolment; null before enrolment. */
  token: string | null;
  /** PEM of the CA a closed government network uses; when set, only it is trusted. */
  pinnedCaPem?: string | null;
  /** Default per-call timeout. */
  timeoutMs?: number;
}

export type Cached<T> = { changed: true; value: T; etag: string | null } | { changed: false };

export interface ApiClient {
  health(timeoutMs?: number): Promise<void>;
  serverTime(): Promise<{ serverTime: Date; roundTripMs: number; offsetMs: number }>;
  enrol(request: { stationId: string; secret: string; checkpointId: string; name?: string }): Promise<{ stationId: string; token: string }>;
  verify(code: CodeForVerification, context: CheckpointContext, timeoutMs?: number): Promise<VerifyResponse>;
  uploadPassages(passages: PassageUpload[]): Promise<PassageResult[]>;
  getRules(etag: string | null): Promise<Cached<RuleSet>>;
  getDenyList(sinceVersion: number | null): Promise<DenyListDelta>;
  getDccTrustList(etag: string | null): Promise<Cached<DccTrustListBody>>;
  getDccRules(etag: string | null): Promise<Cached<DccRuleSet>>;
}

/** The station's only way to the central API: timeouts, auth, typed errors, validated answers. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const checked = checkApiUrl(options.baseUrl);
  if (!checked.ok) throw new Error(checked.reason);
  const base = checked.url.href.endsWith('/') ? checked.url.href : `${checked.url.href}/`;
  const agent = checked.url.protocol === 'https:' && options.pinnedCaPem ? new Agent({ ca: options.pinnedCaPem, keepAlive: true }) : undefined;
  const defaultTimeoutMs = options.timeoutMs ?? 10_000;

  async function call(path: string, init: RequestInit & { timeoutMs?: number; expected?: number[] }): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...(init.headers as Record<string, string> | undefined) };
    if (options.token !== null) headers.authorization = `Bearer ${options.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(path, base), { ...init, headers, agent, signal: AbortSignal.timeout(init.timeoutMs ?? defaultTimeoutMs) });
    } catch (error) {
      throw toNetworkError(error);
    }
    if ((init.expected ?? [200]).includes(response.status)) return response;
    const body = await readJson(response).catch(() => null);
    if (response.status === 401) throw new ApiError({ kind: 'unauthorized' });
    if (response.status === 429) throw new ApiError({ kind: 'rate-limited', retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()) });
    if (response.status >= 500) throw new ApiError({ kind: 'server', status: response.status });
    const problem = problemSchema.safeParse(body);
    throw new ApiError({ kind: 'rejected', status: response.status, code: problem.success ? problem.data.code : 'unknown' });
  }

  async function parsed<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
    const result = schema.safeParse(await readJson(response));
    if (!result.success) throw new ApiError({ kind: 'invalid-response', detail: result.error.issues[0]?.message ?? 'schema' });
    return result.data;
  }

  /** A GET with an ETag: unchanged (304) or the new value with its tag. */
  async function getCached<S extends z.ZodType>(path: string, etag: string | null, schema: S): Promise<Cached<z.output<S>>> {
    const response = await call(path, { method: 'GET', headers: etag === null ? {} : { 'if-none-match': etag }, expected: [200, 304] });
    if (response.status === 304) return { changed: false };
    return { changed: true, value: await parsed(response, schema), etag: response.headers.get('etag') };
  }

  return {
    async health(timeoutMs) {
      await call('v1/health', { method: 'GET', timeoutMs });
    },
    async serverTime() {
      const sentAt = Date.now();
      const { serverTime } = await parsed(await call('v1/time', { method: 'GET' }), serverTimeSchema);
      const receivedAt = Date.now();
      const server = new Date(serverTime);
      // The server read its clock about half-way through the round trip.
      return { serverTime: server, roundTripMs: receivedAt - sentAt, offsetMs: server.getTime() - (sentAt + receivedAt) / 2 };
    },
    async enrol(request) {
      return parsed(await call('v1/stations/enrol', { method: 'POST', body: JSON.stringify(request), expected: [201] }), enrolResponseSchema);
    },
    async verify(code, context, timeoutMs) {
      // What the API would refuse is not sent: the limits are the document's (shared/central/schemas.ts).
      const request = verifyRequestSchema.safeParse({ code, context });
      if (!request.success) throw new ApiError({ kind: 'not-sent', detail: request.error.issues.map((issue) => issue.path.join('.')).join(', ') });
      return parsed(await call('v1/verify', { method: 'POST', body: JSON.stringify(request.data), timeoutMs }), verifyResponseSchema);
    },
    async uploadPassages(passages) {
      const { results } = await parsed(await call('v1/passages/batch', { method: 'POST', body: JSON.stringify({ passages }) }), passageBatchResultSchema);
      return results;
    },
    getRules: (etag) => getCached('v1/reference/rules', etag, ruleSetSchema),
    getDccTrustList: (etag) => getCached('v1/reference/dcc-trust-list', etag, dccTrustListSchema),
    getDccRules: (etag) => getCached('v1/reference/dcc-rules', etag, dccRuleSetSchema),
    async getDenyList(sinceVersion) {
      return parsed(await call(`v1/reference/deny-list${sinceVersion === null ? '' : `?since=${sinceVersion}`}`, { method: 'GET' }), denyListDeltaSchema);
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    // A body cut off mid-way (connection reset, slow body past the timeout) is a network failure.
    throw toNetworkError(error);
  }
}

function toNetworkError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const named = error as { name?: string; code?: string; type?: string; message?: string };
  if (named.name === 'TimeoutError' || named.name === 'AbortError' || named.type === 'aborted') return new ApiError({ kind: 'timeout' });
  if (named.name === 'SyntaxError') return new ApiError({ kind: 'invalid-response', detail: 'not JSON' });
  return new ApiError({ kind: 'network', detail: named.code ?? named.message ?? String(error) });
}
