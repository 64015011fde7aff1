import type { Database } from 'better-sqlite3-multiple-ciphers';
import { BLOCKING_STATUSES } from '../../shared/rules/default-rules';
import type { CitizenStatus } from '../api-types';
import { countCitizens, insertCitizen } from '../db/citizens';
import { seedDenyList } from '../db/deny-list';
import { generatePopulation } from './generate';

const blocking: readonly CitizenStatus[] = BLOCKING_STATUSES;

/**
 * Fills an empty register with `count` synthetic citizens and lists those with a blocking status
 * on the deny list. A register that already has citizens is left as it is (whatever `count`), so
 * a restart never changes who is in it. Returns whether it seeded.
 */
export function seedRegister(db: Database, count: number): boolean {
  return db.transaction(() => {
    if (countCitizens(db) > 0) return false;
    const population = generatePopulation(count);
    for (const citizen of population) insertCitizen(db, citizen, citizen.statuses);
    seedDenyList(
      db,
      population.flatMap((citizen) => {
        const reason = citizen.statuses.find((status) => blocking.includes(status));
        return reason === undefined ? [] : [{ idNumber: citizen.idNumber, reason }];
      }),
    );
    return true;
  })();
}
