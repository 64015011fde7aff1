/**
 * The contract's command names, apart from their schemas so the sandboxed preload can list them
 * without bundling zod. `commands.ts` is checked against this list at compile time.
 */
export const commandNames = [
  'getStatus', 'classifyCode', 'submitScan', 'searchPassages', 'countPassagesPerHour', 'reportDecodedCode', 'exportPassages',
  'signIn', 'signOut', 'getPassage', 'overrideVerdict', 'annotatePassage', 'acknowledgeAlert', 'submitDeclaration', 'shiftSummary', 'exportShiftReport',
  'getSettings', 'saveSettings', 'enrol', 'listOfficers', 'addOfficer', 'updateOfficer', 'resetOfficerPin', 'createFirstSupervisor', 'reportLaneHealth', 'exportSupportBundle',
] as const;
export type CommandName = (typeof commandNames)[number];
