import type { VneidChecks } from '../records/scan-result';
import type { OnlineCheck } from './decide-verdict';

/**
 * What the central check established about a VNeID code, for the officer: that the VNeID app
 * issued it, whom it names in the register, and that it was shown within its minute (by the
 * server's clock). Without an answer (offline, too slow) all three wait for the network: the
 * station keeps the token and the server judges it at sync.
 */
export function vneidChecksOf(online: OnlineCheck): VneidChecks {
  if (online.state === 'unavailable') return { genuineApp: 'pending', identity: 'pending', time: 'pending' };
  // The server refused the check (the verdict's first reason says why): nothing was established.
  if (online.state === 'refused') return { genuineApp: 'not-reached', identity: 'not-reached', time: 'not-reached' };
  switch (online.answer.match) {
    case 'found':
      return { genuineApp: 'passed', identity: 'passed', time: 'passed' };
    case 'token-expired':
      return { genuineApp: 'passed', identity: 'not-reached', time: 'failed' };
    case 'token-invalid':
      return { genuineApp: 'failed', identity: 'not-reached', time: 'not-reached' };
    // Never answered for a token (it names whoever it was issued to); here for the switch to be exhaustive.
    case 'mismatch':
    case 'not-found':
      return { genuineApp: 'passed', identity: 'failed', time: 'passed' };
  }
}
