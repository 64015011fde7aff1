import { CommandError } from '../../../shared/contract/router';
import type { Passage } from '../../../shared/records/passage';
import { exportPassages } from '../export/export-passages';
import { appendAudit } from '../store/audit-log';
import { countPassagesPerHour, searchPassages } from '../store/passage-queries';
import type { CoreContext } from './context';
import { timestampedFile } from './files';
import type { HandlerGroup } from './merge-handlers';
import { passageForDetail, passageForList } from './passage-views';

/**
 * How far back an officer sees: the length of a shift, so the passages an unattended lane recorded
 * before they signed in are theirs to check too, and nothing older.
 */
const officerWindowMs = 12 * 3_600_000;

type PassageCommands = 'searchPassages' | 'countPassagesPerHour' | 'getPassage' | 'overrideVerdict' | 'annotatePassage' | 'acknowledgeAlert' | 'exportPassages';

/**
 * The history: searching, opening, amending and exporting recorded passages, and their alerts.
 * Identities leave the core masked; an officer sees the passages of a shift's length back, a
 * supervisor any, and only a supervisor exports unmasked.
 */
export function passageHandlers(core: CoreContext): HandlerGroup<PassageCommands> {
  const db = () => core.records().database.db;
  const session = () => core.records().officers.require();
  const stored = (id: string): Passage => {
    const passage = core.records().store.get(id);
    if (passage === null) throw new CommandError('invalid_input', `no passage with id ${id}`);
    return passage;
  };
  /** An amended passage goes back to the central API; the unsynced count may have changed. */
  const amended = (passage: Passage): Passage => {
    core.publishStatus();
    core.records().sync.trigger();
    return passageForDetail(passage);
  };
  /** The earliest an officer sees; null for a supervisor, who sees any. */
  const officerFloor = (): string | null => {
    const { role, signedInAt } = session();
    if (role === 'supervisor') return null;
    const windowStart = new Date(Date.now() - officerWindowMs).toISOString();
    return signedInAt < windowStart ? signedInAt : windowStart;
  };
  const withinShift = (from: string | undefined): string | undefined => {
    const floor = officerFloor();
    return floor === null || (from !== undefined && from > floor) ? from : floor;
  };
  return {
    searchPassages: (search) => searchPassages(db(), { ...search, from: withinShift(search.from) }).map(passageForList),
    countPassagesPerHour: (range) => countPassagesPerHour(db(), range),
    getPassage: ({ id }) => {
      const passage = stored(id);
      const { officerId } = session();
      const floor = officerFloor();
      if (floor !== null && passage.scannedAt < floor) throw new CommandError('unauthorized', 'an officer opens the passages of their own shift', 'passage.outside-shift');
      // Who opened whose record, and when: the name is shown in full here.
      appendAudit(db(), { actor: `officer:${officerId}`, action: 'passage.view', subject: id });
      return passageForDetail(passage);
    },
    overrideVerdict: ({ passageId, verdict, reason }) => amended(core.records().amendments.override(passageId, { verdict, reason }, session().officerId, new Date())),
    annotatePassage: ({ passageId, plate, note }) => amended(core.records().amendments.annotate(passageId, { plate, note }, session().officerId, new Date())),
    acknowledgeAlert: ({ passageId }) => {
      core.records().alerts.acknowledge(passageId, session().officerId, new Date());
      core.publishStatus();
      return passageForDetail(stored(passageId));
    },
    exportPassages: async ({ from, to, format, unmasked }) => {
      const { officerId, role } = session();
      if (unmasked && role !== 'supervisor') throw new CommandError('unauthorized', 'only a supervisor exports full identities', 'role.supervisor-required');
      const path = timestampedFile(core.dataDir, 'exports', 'passages', format);
      const { rows } = await exportPassages(db(), { from: withinShift(from) ?? from, to, format, unmasked, actor: `officer:${officerId}` }, path);
      return { path, rows };
    },
  };
}
