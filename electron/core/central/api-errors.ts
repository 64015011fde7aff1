/** Why a call to the central API failed, in the terms the sync engine and the officer need. */
export type ApiFailure =
  | { kind: 'network'; detail: string }
  | { kind: 'timeout' }
  | { kind: 'unauthorized' }
  | { kind: 'rate-limited'; retryAfterMs: number | null }
  | { kind: 'server'; status: number }
  | { kind: 'rejected'; status: number; code: string }
  | { kind: 'invalid-response'; detail: string };

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly failure: ApiFailure) {
    super(describeFailure(failure));
  }

  /** Worth retrying later: the network or the server, not our request. */
  get transient(): boolean {
    return ['network', 'timeout', 'rate-limited', 'server', 'invalid-response'].includes(this.failure.kind);
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
  }
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
