// POST /v1/passages/batch: exactly-once storage keyed on the station's passage id and revision. A
// passage is stored once per revision: a higher revision (an amendment) replaces the stored copy,
// anything else is a duplicate that changes nothing; a bad one is rejected alone.

import type { Database } from 'better-sqlite3-multiple-ciphers';
import { isRealDay } from '../../shared/codes/dates';
import type { PassageResult, PassageUpload } from '../api-types';
import type { PassageStore } from '../db/passages';
import type { Station } from '../db/stations';
import { retroCheckFor } from '../verification/verify';

/** `yyyy`, `yyyy-MM` or `yyyy-MM-dd`, and a real calendar date. */
function isPartialDate(text: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return false;
  const [, year, month = '01', day = '01'] = match;
  return isRealDay(Number(year), Number(month), Number(day));
}

/** Checks the schema cannot express; the reason is a stable code the station shows in dead letters. */
function rejection(passage: PassageUpload, uploadedBy: Station, store: PassageStore): string | undefined {
  if (store.isPoisoned(passage.id)) return 'poison';
  // A token proves which station is speaking; it may not file records in another station's name,
  // nor at another checkpoint than the one it was enrolled for.
  if (passage.stationId !== uploadedBy.id) return 'station-mismatch';
  if (passage.checkpointId !== uploadedBy.checkpointId) return 'checkpoint-mismatch';
  if (passage.birthDate != null && !isPartialDate(passage.birthDate)) return 'invalid-birth-date';
  return undefined;
}

/**
 * Stores a batch in one transaction: a crash mid-batch stores none of it, and the station's retry
 * stores it whole. A passage decided offline is checked again, as of its scan time; a duplicate
 * answers the stored check again, so a station whose first answer was lost on the way still learns it.
 */
export function uploadPassages(db: Database, store: PassageStore, uploadedBy: Station, passages: readonly PassageUpload[], now: Date): PassageResult[] {
  return db.transaction(() =>
    passages.map((passage): PassageResult => {
      const stored = store.find(passage.id);
      const amended = stored !== undefined && passage.revision > stored.revision;
      if (stored && !amended) return { id: passage.id, status: 'duplicate', ...(stored.retroCheck && { retroCheck: stored.retroCheck }) };
      const reason = rejection(passage, uploadedBy, store) ?? (stored && stored.stationId !== uploadedBy.id ? 'station-mismatch' : undefined);
      if (reason !== undefined) return { id: passage.id, status: 'rejected', reason };
      // An amendment keeps the check given for the first copy: the code and its scan time are the same.
      const retroCheck = stored ? stored.retroCheck : retroCheckFor(db, passage);
      store.save(passage, uploadedBy.id, retroCheck, now);
      return { id: passage.id, status: 'accepted', ...(retroCheck && { retroCheck }) };
    }),
  )();
}
