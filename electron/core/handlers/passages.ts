import { CommandError } from '../../../shared/contract/router';
import type { Passage } from '../../../shared/records/passage';
import { exportPassages } from '../export/export-passages';
import { countPassagesPerHour, searchPassages } from '../store/passage-queries';
import type { CoreContext } from './context';
import { timestampedFile } from './files';
import type { HandlerGroup } from './merge-handlers';

type PassageCommands = 'searchPassages' | 'countPassagesPerHour' | 'getPassage' | 'overrideVerdict' | 'annotatePassage' | 'acknowledgeAlert' | 'exportPassages';

/** The history: searching, opening, amending and exporting recorded passages, and their alerts. */
export function passageHandlers(core: CoreContext): HandlerGroup<PassageCommands> {
  const db = () => core.records().database.db;
  const requirePassage = (id: string): Passage => {
    const passage = core.records().store.get(id);
    if (passage === null) throw new CommandError('invalid_input', `no passage with id ${id}`);
    return passage;
  };
  /** An amended passage goes back to the central API; the unsynced count may have changed. */
  const amended = (passage: Passage): Passage => {
    core.publishStatus();
    core.records().sync.trigger();
    return passage;
  };
  const officerId = () => core.records().officers.require().officerId;
  return {
    searchPassages: (search) => searchPassages(db(), search),
    countPassagesPerHour: (range) => countPassagesPerHour(db(), range),
    getPassage: ({ id }) => requirePassage(id),
    overrideVerdict: ({ passageId, verdict, reason }) => amended(core.records().amendments.override(passageId, { verdict, reason }, officerId(), new Date())),
    annotatePassage: ({ passageId, plate, note }) => amended(core.records().amendments.annotate(passageId, { plate, note }, officerId(), new Date())),
    acknowledgeAlert: ({ passageId }) => {
      core.records().alerts.acknowledge(passageId, officerId(), new Date());
      core.publishStatus();
      return requirePassage(passageId);
    },
    exportPassages: async ({ from, to, format, unmasked, officerId: exportingOfficer }) => {
      const path = timestampedFile(core.dataDir, 'exports', 'passages', format);
      const actor = exportingOfficer === null ? core.actor() : `officer:${exportingOfficer}`;
      const { rows } = await exportPassages(db(), { from, to, format, unmasked, actor }, path);
      return { path, rows };
    },
  };
}
