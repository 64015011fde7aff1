import type { Migration } from '../migrate';
import { migration0001StationRuns } from './0001-station-runs';

/** In order; a migration, once released, is never edited — add the next number instead. */
export const migrations: readonly Migration[] = [migration0001StationRuns];
