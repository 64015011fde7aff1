import { z } from 'zod';
import type { CommandName } from './command-names';
import { stationStatusSchema } from './status';
import { laneCodeEventSchema, laneHealthReportSchema, reportDecodedCodeSchema } from './lanes';
import { classifiedCodeSchema } from '../codes/schemas';
import { passageSchema } from '../records/passage';
import { scanResultSchema } from '../records/scan-result';
import { hourlyCountSchema, passageSearchSchema } from '../records/passage-query';
import { overrideReasonSchema, verdictSchema } from '../records/passage';
import { officerIdSchema, officerNameSchema, officerRoleSchema, officerSessionSchema, officerViewSchema, pinSchema } from '../records/officer';
import { shiftRangeSchema, shiftSummarySchema } from '../records/shift-summary';
import { problemSchema } from '../codes/schemas';
import { settingsViewSchema, stationSettingsSchema } from '../config/station-settings';

const passageIdInput = z.uuid();
const localeSchema = z.enum(['vi', 'en']).default('vi');

export { commandNames, type CommandName } from './command-names';

interface CommandDefinition {
  input: z.ZodType;
  output: z.ZodType;
}

/**
 * The one contract between the renderer and the station core. Every host (Electron IPC, the
 * browser-mode WebSocket bridge, the in-memory test host) carries exactly these commands and
 * events, validated with these schemas on both sides.
 */
export const commands = {
  getStatus: { input: z.void(), output: stationStatusSchema },
  /** Classify and validate a payload (a QR text typed or pasted by the officer, say). */
  classifyCode: {
    // Larger than the codes' own 4 KiB limit, so an oversize payload gets its specific problem code.
    input: z.object({ payload: z.string().max(65_536), locale: z.enum(['vi', 'en']).default('vi') }),
    output: classifiedCodeSchema,
  },
  /** A code from a keyboard-wedge scanner or typed by the officer: the same pipeline as a camera. */
  submitScan: {
    input: z.object({ laneId: z.string().min(1).max(32), payload: z.string().max(65_536), plate: z.string().max(20).nullable().default(null) }),
    output: scanResultSchema,
  },
  searchPassages: { input: passageSearchSchema, output: z.array(passageSchema) },
  /**
   * Writes the passages of [from, to) to a file in the data folder; identity masked unless
   * `unmasked`, which only a supervisor may ask (audited under the signed-in officer, never a name given here).
   */
  exportPassages: {
    input: z.object({
      from: z.iso.datetime(),
      to: z.iso.datetime(),
      format: z.enum(['csv', 'xlsx']),
      unmasked: z.boolean().default(false),
    }),
    output: z.object({ path: z.string(), rows: z.number().int().nonnegative() }),
  },
  countPassagesPerHour: {
    input: z.object({ from: z.iso.datetime(), to: z.iso.datetime(), utcOffsetMinutes: z.number().int().min(-720).max(840) }),
    output: z.array(hourlyCountSchema),
  },
  /** Starts an officer's shift. Wrong PINs are audited; five in a row lock the officer id out for five minutes (`unauthorized`). */
  signIn: { input: z.object({ officerId: officerIdSchema, pin: pinSchema }), output: officerSessionSchema },
  signOut: { input: z.void(), output: z.object({ signedOut: z.boolean() }) },
  /** One passage with everything the detail view shows (identity unmasked only on this screen, to the signed-in officer). */
  getPassage: { input: z.object({ id: passageIdInput }), output: passageSchema },
  /** The signed-in officer overrides the station's verdict with a required reason; audited, synced. */
  overrideVerdict: { input: z.object({ passageId: passageIdInput, verdict: verdictSchema, reason: overrideReasonSchema }), output: passageSchema },
  /** Adds or changes a passage's vehicle plate and note; audited, synced. */
  annotatePassage: {
    input: z.object({ passageId: passageIdInput, plate: z.string().trim().max(20).nullable(), note: z.string().trim().max(500).nullable() }),
    output: passageSchema,
  },
  /** The signed-in officer has seen an alert about a passage (the central API judged it worse at sync) and acted; audited. */
  acknowledgeAlert: { input: z.object({ passageId: passageIdInput }), output: passageSchema },
  /**
   * A paper declaration typed by the officer: validated field by field; when it has no error it goes
   * through the same verdict pipeline as a scan. The form itself is validated by the core.
   */
  submitDeclaration: {
    input: z.object({ laneId: z.string().min(1).max(32), form: z.unknown(), locale: localeSchema }),
    output: z.discriminatedUnion('accepted', [
      z.object({ accepted: z.literal(true), result: scanResultSchema }),
      z.object({ accepted: z.literal(false), problems: z.array(problemSchema) }),
    ]),
  },
  shiftSummary: { input: shiftRangeSchema, output: shiftSummarySchema },
  /** Writes the printable shift report (PDF, no personal data) to the data folder. */
  exportShiftReport: { input: shiftRangeSchema.extend({ locale: localeSchema }), output: z.object({ path: z.string() }) },
  /** A .tar.gz for technical support in `<data>/reports/`: logs redacted again, config without secrets, versions, database statistics (no records). */
  exportSupportBundle: { input: z.void(), output: z.object({ path: z.string() }) },
  getSettings: { input: z.void(), output: settingsViewSchema },
  /** Validates and saves the settings to the config file (audited); says whether a restart is needed. */
  saveSettings: { input: stationSettingsSchema, output: settingsViewSchema },
  /** Enrols this station with a central API using the one-time secret an administrator gave. */
  enrol: { input: z.object({ apiUrl: z.url({ protocol: /^https?$/ }), secret: z.string().min(8).max(200) }), output: settingsViewSchema },
  /**
   * A fresh station's first run: its first supervisor, who is signed in at once. Refused (reason
   * `setup.done`) as soon as the station has any officer, so it can never add a second one.
   */
  createFirstSupervisor: { input: z.object({ id: officerIdSchema, name: officerNameSchema, pin: pinSchema }), output: officerSessionSchema },
  /** The station's officers, for a supervisor: never a PIN or its hash. */
  listOfficers: { input: z.void(), output: z.array(officerViewSchema) },
  /** A supervisor adds an officer with a first PIN (stored as a scrypt hash); audited. */
  addOfficer: { input: z.object({ id: officerIdSchema, name: officerNameSchema, role: officerRoleSchema, pin: pinSchema }), output: officerViewSchema },
  /** A supervisor changes an officer's role or disables them (one supervisor who can sign in always stays); audited. */
  updateOfficer: {
    input: z.object({ id: officerIdSchema, role: officerRoleSchema.optional(), disabled: z.boolean().optional() }).refine((change) => change.role !== undefined || change.disabled !== undefined, 'nothing to change'),
    output: officerViewSchema,
  },
  /** A supervisor sets a new PIN for an officer (a forgotten PIN, a lock-out); audited. */
  resetOfficerPin: { input: z.object({ id: officerIdSchema, pin: pinSchema }), output: officerViewSchema },
  /** A code the renderer decoded on a webcam or keyboard lane: the same dedupe → scan pipeline as the core's sources. */
  reportDecodedCode: { input: reportDecodedCodeSchema, output: z.object({ duplicate: z.boolean() }) },
  /** The app window's word on a webcam lane it drives (camera open, frame rates, error). */
  reportLaneHealth: { input: laneHealthReportSchema, output: z.object({ accepted: z.boolean() }) },
} as const satisfies Record<CommandName, CommandDefinition>;

export const events = {
  status: stationStatusSchema,
  /** Every scan's verdict, from any lane or the officer: the verdict panel listens to this. */
  scan: scanResultSchema,
  /** Every code a lane decoded (duplicates too), with where it was in the frame: the preview overlay draws it. */
  laneCode: laneCodeEventSchema,
} as const;

export type Commands = typeof commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const eventNames = Object.keys(events) as EventName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
