import type { CommandName } from './command-names';
import type { OfficerRole } from '../records/officer';

/** Who is asking: nobody signed in (an unattended lane, the sign-in screen), or an officer in a role. */
export type Principal = 'nobody' | OfficerRole;

/** The least a caller must be to run a command; a supervisor may do all an officer may. */
export type Access = 'anyone' | 'officer' | 'supervisor';

/**
 * Who may run each command: the one table, enforced by the router for every host (IPC, the
 * bridge, in-memory). Nobody signed in gets scanning and the verdict only; an officer the shift's
 * work on masked records; a supervisor runs the station. A command missing here fails to compile.
 */
export const commandAccess = {
  getStatus: 'anyone',
  submitScan: 'anyone',
  reportDecodedCode: 'anyone',
  reportLaneHealth: 'anyone',
  signIn: 'anyone',
  signOut: 'anyone',
  classifyCode: 'officer',
  submitDeclaration: 'officer',
  searchPassages: 'officer',
  countPassagesPerHour: 'officer',
  getPassage: 'officer',
  overrideVerdict: 'officer',
  annotatePassage: 'officer',
  acknowledgeAlert: 'officer',
  shiftSummary: 'officer',
  exportShiftReport: 'officer',
  // Masked for an officer; unmasked only for a supervisor (checked on the input, in the handler).
  exportPassages: 'officer',
  getSettings: 'supervisor',
  saveSettings: 'supervisor',
  enrol: 'supervisor',
  listOfficers: 'supervisor',
  addOfficer: 'supervisor',
  updateOfficer: 'supervisor',
  resetOfficerPin: 'supervisor',
  exportSupportBundle: 'supervisor',
  // Only while the station has no officer at all (checked in the core): the first run of an install.
  createFirstSupervisor: 'anyone',
} as const satisfies Record<CommandName, Access>;

const rank: Record<Principal, number> = { nobody: 0, officer: 1, supervisor: 2 };
const needed: Record<Access, number> = { anyone: 0, officer: 1, supervisor: 2 };

export function mayRun(principal: Principal, access: Access): boolean {
  return rank[principal] >= needed[access];
}
