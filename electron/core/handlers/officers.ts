import type { CoreContext } from './context';
import type { HandlerGroup } from './merge-handlers';

/** Shifts: an officer signs in with a PIN and out again. */
export function officerHandlers(core: CoreContext): HandlerGroup<'signIn' | 'signOut'> {
  return {
    signIn: ({ officerId, pin }) => core.records().officers.signIn(officerId, pin),
    signOut: () => ({ signedOut: core.records().officers.signOut() }),
  };
}
