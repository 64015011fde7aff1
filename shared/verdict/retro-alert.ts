import type { RetroCheck } from '../central/schemas';
import type { AlertKind } from '../records/passage-alert';
import type { Verdict } from '../records/passage';

/**
 * Whether the register's later judgement of an offline decision is worse than the verdict the
 * passage ended with (the officer's override when there is one), and how; null when it is not.
 */
export function retroAlertKind(finalVerdict: Verdict, check: RetroCheck): AlertKind | null {
  if (check.match === 'token-invalid') return 'not-genuine';
  if (check.denied) return finalVerdict === 'deny' ? null : 'denied';
  if (finalVerdict !== 'pass') return null;
  if (check.match !== 'found') return 'not-confirmed';
  return check.quarantine ? 'quarantine' : null;
}
