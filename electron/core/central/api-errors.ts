import type { OnlineCheck } from '../../../shared/verdict/decide-verdict';

/** Why a call to the central API failed, in the terms the sync engine and the officer need. */
export type ApiFailure =
  | { kind: 'network'; detail: string }
  | { kind: 'timeout' }
  | { kind: 'unauthorized' }
  | { kind: 'rate-limited'; retryAfterMs: number | null }
  | { kind: 'server'; status: number }
  | { kind: 'rejected'; status: number; code: string }
  | { kind: 'invalid-response'; detail: string }
  /** The station's own check of a request against the wire schema failed: it was never sent. */
  | { kind: 'not-sent'; detail: string };

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly failure: ApiFailure) {
    super(describeFailure(failure));
  }

}

export function describeFailure(failure: ApiFailure): string {
  switch (failure.kind) {
    case 'network':
      return `network: ${failure.detail}`;
    case 'timeout':
      return 'timeout';
    case 'unauthorized':
      return 'unauthorized: enrol the station again';
    case 'rate-limited':
      return `rate limited${failure.retryAfterMs === null ? '' : `, retry after ${failure.retryAfterMs} ms`}`;
    case 'server':
      return `HTTP ${failure.status}`;
    case 'rejected':
      return `HTTP ${failure.status} ${failure.code}`;
    case 'invalid-response':
      return `invalid response: ${failure.detail}`;
    case 'not-sent':
      return `not sent: ${failure.detail}`;
  }
}

/**
 * The verification failure taxonomy, in one place. The network, the clock or the server's load
 * (unreachable, timeout, 5xx, 429) make an online check unavailable: the station decides from its
 * cache and the passage is checked again at sync. A refusal (400/401/403/422), an answer that
 * cannot be read or anything unforeseen is not the network's fault and is never a pass.
 */
export function onlineCheckAfter(error: unknown): Exclude<OnlineCheck, { state: 'answered' }> {
  if (!(error instanceof ApiError)) return { state: 'refused', status: null, code: 'unexpected' };
  const { failure } = error;
  switch (failure.kind) {
    case 'network':
    case 'timeout':
    case 'server':
    case 'rate-limited':
      return { state: 'unavailable' };
    case 'unauthorized':
      return { state: 'refused', status: 401, code: 'unauthorized' };
    case 'rejected':
      return { state: 'refused', status: failure.status, code: failure.code };
    case 'invalid-response':
      return { state: 'refused', status: null, code: 'invalid-response' };
    case 'not-sent':
      return { state: 'refused', status: null, code: 'request-out-of-bounds' };
  }
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
