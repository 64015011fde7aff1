import type { StationConfig } from '../../../shared/config/station-config';
import type { SettingsView, StationSettings } from '../../../shared/config/station-settings';
import { CommandError } from '../../../shared/contract/router';
import { ApiError } from '../central/api-errors';
import { defaultStationId, enrolStation, type Enrolment, type EnrolmentStore } from '../central/enrolment';
import { checkApiUrl } from '../central/transport-policy';
import type { AuditRecord } from '../store/audit-log';
import type { OpenFile } from './atomic-write';
import { changedSettings, saveSettingsToFile, SettingsRejectedError, settingsOf } from './settings-file';

export interface SettingsServiceOptions {
  /** Appends to the audit log of the database in use (it may be replaced after damage). */
  audit(record: AuditRecord): void;
  /** The configuration the station started with. */
  config: StationConfig;
  /** The file to save to; null = the station runs without one, and saving is refused. */
  configPath: string | null;
  /** Where an enrolment made from the settings screen is kept (sealed in the desktop app). */
  enrolments: EnrolmentStore;
  enrolment: Enrolment | null;
  pinnedCaPem: string | null;
  /** Applies at once what is cheap to change in a running station (checkpoint name, dedupe window, retention). */
  applyLive(settings: StationSettings): void;
  /** `officer:<id>` of whoever is signed in, or `station`. */
  actor(): string;
  /** For tests: how files are opened. */
  openFile?: OpenFile;
}

/** Whatever else changed only takes effect at the next start: the lanes, the API, the checkpoint's id or direction. */
const restartFields: readonly (keyof StationSettings)[] = ['lanes', 'apiUrl', 'checkpoint'];

/**
 * The settings screen: what the station runs with, saving into the config file (audited), and
 * enrolling with a central API. Changes that need a restart are remembered until it happens.
 */
export function createSettingsService(options: SettingsServiceOptions) {
  const running = settingsOf(options.config);
  let saved = running;
  let enrolment = options.enrolment === null ? null : { stationId: options.enrolment.stationId, apiUrl: options.enrolment.apiUrl };
  let enrolledSinceStart = false;

  function view(): SettingsView {
    const pending = changedSettings(running, saved).filter((field) => restartFields.includes(field));
    // A new checkpoint name alone is applied live; its id or direction is not.
    const checkpointPending = pending.includes('checkpoint') && (running.checkpoint.id !== saved.checkpoint.id || running.checkpoint.direction !== saved.checkpoint.direction);
    const restartRequired = enrolledSinceStart || pending.some((field) => field !== 'checkpoint') || checkpointPending;
    return { settings: saved, configPath: options.configPath, enrolment, restartRequired };
  }

  function requireConfigPath(): string {
    if (options.configPath === null) throw new CommandError('unavailable', 'the station runs without a config file (start it with --config FILE): settings cannot be saved', 'settings.no-config-file');
    return options.configPath;
  }

  async function save(settings: StationSettings, audit: Record<string, unknown> = {}): Promise<SettingsView> {
    const configPath = requireConfigPath();
    // The schema takes any http(s) URL; the station would refuse to start with one its transport policy forbids.
    const url = settings.apiUrl === null ? null : checkApiUrl(settings.apiUrl);
    if (url !== null && !url.ok) throw new CommandError('invalid_input', `apiUrl: ${url.reason}`);
    let changed: (keyof StationSettings)[];
    try {
      ({ changed } = await saveSettingsToFile(configPath, settings, options.openFile));
    } catch (error) {
      if (error instanceof SettingsRejectedError) throw new CommandError('invalid_input', error.message);
      throw new CommandError('unavailable', `the settings were not saved (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${(error as Error).message}`, 'settings.write-failed');
    }
    saved = settings;
    options.applyLive(settings);
    options.audit({ actor: options.actor(), action: 'settings.change', subject: configPath, details: { changed, ...audit } });
    return view();
  }

  return {
    view,
    save: (settings: StationSettings) => save(settings),
    /** Enrols with the API at `apiUrl` and saves that URL as the station's. */
    async enrol(request: { apiUrl: string; secret: string }): Promise<SettingsView> {
      requireConfigPath(); // before the one-time secret is spent
      const url = checkApiUrl(request.apiUrl);
      if (!url.ok) throw new CommandError('invalid_input', `apiUrl: ${url.reason}`);
      const stationId = defaultStationId(saved.checkpoint.id);
      try {
        await enrolStation({ ...request, stationId, checkpoint: saved.checkpoint, pinnedCaPem: options.pinnedCaPem, store: options.enrolments });
      } catch (error) {
        throw enrolmentError(error);
      }
      enrolment = { stationId, apiUrl: request.apiUrl };
      enrolledSinceStart = true;
      return save({ ...saved, apiUrl: request.apiUrl }, { enrolled: stationId });
    },
  };
}

function enrolmentError(error: unknown): CommandError {
  if (!(error instanceof ApiError)) return new CommandError('unavailable', `enrolment failed: ${error instanceof Error ? error.message : String(error)}`, 'enrol.not-saved');
  switch (error.failure.kind) {
    case 'unauthorized':
      return new CommandError('unauthorized', 'the central API refused the enrolment secret', 'enrol.secret-refused');
    case 'rejected':
    case 'not-sent':
      return new CommandError('invalid_input', `the central API refused the enrolment: ${error.message}`, 'enrol.refused');
    default:
      return new CommandError('unavailable', `the central API could not be reached to enrol: ${error.message}`, 'enrol.unreachable');
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>;
