import type { Migration } from '../migrate';
import { migration0001StationRuns } from './0001-station-runs';
import { migration0002PassagesAndOutbox } from './0002-passages-and-outbox';
import { migration0003AuditLog } from './0003-audit-log';
import { migration0004ReferenceData } from './0004-reference-data';
import { migration0005OfficersAndAmendments } from './0005-officers-and-amendments';
import { migration0006PassageAlerts } from './0006-passage-alerts';
import { migration0007OfficerRoles } from './0007-officer-roles';

/** In order; a migration, once released, is never edited — add the next number instead. */
export const migrations: readonly Migration[] = [
  migration0001StationRuns,
  migration0002PassagesAndOutbox,
  migration0003AuditLog,
  migration0004ReferenceData,
  migration0005OfficersAndAmendments,
  migration0006PassageAlerts,
  migration0007OfficerRoles,
];
