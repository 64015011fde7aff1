import { rm } from 'node:fs/promises';
import { CommandError } from '../../../shared/contract/router';
import type { ShiftSummary } from '../../../shared/records/shift-summary';
import { writeShiftReport } from '../reports/shift-report';
import { appendAudit } from '../store/audit-log';
import { summariseShift, type ShiftRange } from '../store/shift-summary';
import type { CoreContext } from './context';
import { timestampedFile } from './files';
import type { HandlerGroup } from './merge-handlers';

/** The shift dashboard and its printable report (figures only, no personal data). */
export function shiftHandlers(core: CoreContext): HandlerGroup<'shiftSummary' | 'exportShiftReport'> {
  function shiftSummary(range: ShiftRange): ShiftSummary {
    if (range.from > range.to) throw new CommandError('invalid_input', 'the shift range ends before it starts');
    const records = core.records();
    return summariseShift(records.database.db, range, {
      offlineMs: (within) => records.connectivityLog.offlineMs(within, new Date()),
      queue: () => {
        const { pending, deadLetters } = records.sync.status();
        return { pending, deadLetters };
      },
    });
  }
  return {
    shiftSummary,
    exportShiftReport: async ({ locale, ...range }) => {
      const summary = shiftSummary(range);
      const path = timestampedFile(core.dataDir, 'reports', 'shift', 'pdf');
      const content = { summary, checkpoint: core.checkpoint(), officer: core.records().officers.current(), utcOffsetMinutes: range.utcOffsetMinutes, locale, generatedAt: new Date() };
      try {
        await writeShiftReport(content, path);
      } catch (error) {
        await rm(path, { force: true });
        throw new CommandError('unavailable', `the shift report was not written (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${(error as Error).message}`);
      }
      appendAudit(core.records().database.db, { actor: core.actor(), action: 'export', details: { format: 'pdf', report: 'shift', from: range.from, to: range.to } });
      return { path };
    },
  };
}
