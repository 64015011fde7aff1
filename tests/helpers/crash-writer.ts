// Child process for the crash test: records passages as fast as it can, now and then amends the one
// before, and prints `id sequence revision` only after each commit has returned — the
// acknowledgement the pipeline relies on.
import { openDatabase } from '../../electron/core/db/open-database';
import type { DatabaseKey } from '../../electron/core/db/database-key';
import { createPassageAmendments } from '../../electron/core/store/passage-amendments';
import { createPassageStore } from '../../electron/core/store/passage-store';
import { samplePassageDraft } from './fixtures';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';

const [path, key] = process.argv.slice(2) as [string, DatabaseKey];
const { db } = openDatabase(path, { driver: nodeDatabaseDriver, key });
const store = createPassageStore(db, { checkpointId: 'CP-01', direction: 'entry', keepRawPayload: true, clock: { now: () => new Date(), serverOffsetMs: () => null } });
const amendments = createPassageAmendments(db);
process.stdout.write('ready\n');
for (let count = 1; ; count += 1) {
  const passage = store.record(samplePassageDraft({ note: 'x'.repeat(Math.floor(Math.random() * 300)) }));
  process.stdout.write(`${passage.id} ${passage.sequence} ${passage.revision}\n`);
  if (count % 4 === 0) {
    const amended = amendments.annotate(passage.id, { plate: `29A-${count}`, note: null }, 'CB-7', new Date());
    process.stdout.write(`${amended.id} ${amended.sequence} ${amended.revision}\n`);
  }
}
