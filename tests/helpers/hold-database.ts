// Child process for the lock and interrupted-salvage tests: opens the station database at argv[2]
// with the key argv[3] (taking its data folder), says so on standard output, and holds it until killed.
import { openDatabase } from '../../electron/core/db/open-database';
import type { DatabaseKey } from '../../electron/core/db/database-key';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';

const [path, key] = process.argv.slice(2) as [string, DatabaseKey];
process.stdout.write('opening\n');
const opened = openDatabase(path, { driver: nodeDatabaseDriver, key });
process.stdout.write(`opened ${JSON.stringify(opened.startupEvents)}\n`);
setInterval(() => undefined, 60_000);
