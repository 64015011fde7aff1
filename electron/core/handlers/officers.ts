import type { CoreContext } from './context';
import type { HandlerGroup } from './merge-handlers';

/** Shifts (an officer signs in with a PIN and out again), and the supervisor's management of officers. */
export function officerHandlers(core: CoreContext): HandlerGroup<'signIn' | 'signOut' | 'createFirstSupervisor' | 'listOfficers' | 'addOfficer' | 'updateOfficer' | 'resetOfficerPin'> {
  const supervisor = () => core.records().officers.require().officerId;
  /** The officer changed may be the one on shift: their session follows. */
  const changed = <T extends { id: string }>(officer: T): T => {
    core.records().officers.refresh(officer.id);
    return officer;
  };
  return {
    signIn: ({ officerId, pin }) => core.records().officers.signIn(officerId, pin),
    signOut: () => ({ signedOut: core.records().officers.signOut() }),
    createFirstSupervisor: ({ id, name, pin }) => {
      core.records().officerAdmin.addFirstSupervisor({ id, name, pin }, new Date());
      return core.records().officers.signIn(id, pin);
    },
    listOfficers: () => core.records().officerAdmin.list(),
    addOfficer: (officer) => core.records().officerAdmin.add(officer, supervisor(), new Date()),
    updateOfficer: ({ id, ...change }) => changed(core.records().officerAdmin.update(id, change, supervisor(), new Date())),
    resetOfficerPin: ({ id, pin }) => core.records().officerAdmin.resetPin(id, pin, supervisor(), new Date()),
  };
}
