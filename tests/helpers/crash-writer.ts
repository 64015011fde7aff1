// Child process for the crash test: records passages as fast as it can and prints each id only
// after its commit has returned — the acknowledgement the pipeline relies on.
import { openDatabase } from '../../electron/core/db/open-database';
import type { DatabaseKey } from '../../electron/core/db/database-key';
import { createPassageStore } from '../../electron/core/store/passage-store';
import { samplePassageDraft } from './fixtures';

const [path, key] = process.argv.slice(2) as [string, DatabaseKey];
const { db } = openDatabase(path, { key });
const store = createPassageStore(db, { checkpointId: 'CP-01', direction: 'entry', keepRawPayload: true, clock: { now: () => new Date(), serverOffsetMs: () => null } });
process.stdout.write('ready\n');
for (;;) {
  const passage = store.record(samplePassageDraft({ note: 'x'.repeat(Math.floor(Math.random() * 300)) }));
  process.stdout.write(`${passage.id}\n`);
}
