// The synthetic population register: deterministic for a seed, so tests and demos can rely on who
// is in it. ID numbers follow Circular 07/2016/TT-BCA: 3 digits of the birth-registration province,
// 1 digit of century and sex, the birth year's last 2 digits, 6 random digits.

import { daysInMonth } from '../../shared/codes/dates';
import { PROVINCE_CODES } from '../../shared/codes/province-codes';
import type { Citizen, CitizenStatus, Sex } from '../api-types';
import { createRandom, pick, pickWeighted, randomInt, type Random } from '../../shared/random/prng';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, FEMALE_MIDDLE_NAMES, MALE_GIVEN_NAMES, MALE_MIDDLE_NAMES } from './names';

export const DEFAULT_POPULATION = 3000;
export const POPULATION_SEED = 20210701;

export interface SeededCitizen extends Citizen {
  statuses: CitizenStatus[];
}

const STATUS_WEIGHTS: readonly (readonly [CitizenStatus | null, number])[] = [
  [null, 88],
  ['quarantine', 6],
  ['confirmed-case', 3],
  ['wanted', 1.5],
  ['denied-entry', 1.5],
];

function fullNameFor(random: Random, sex: Sex, birthYear: number): string {
  const family = pickWeighted(random, FAMILY_NAMES);
  if (sex === 'male') {
    const middles = [pickWeighted(random, MALE_MIDDLE_NAMES)];
    if (random() < 0.1) middles.push(pickWeighted(random, MALE_MIDDLE_NAMES));
    return [family, ...new Set(middles), pick(random, MALE_GIVEN_NAMES)].join(' ');
  }
  const thiShare = birthYear < 1990 ? 0.85 : 0.55;
  const middles = random() < thiShare ? ['Thị'] : [];
  if (middles.length === 0 || random() < 0.2) middles.push(pickWeighted(random, FEMALE_MIDDLE_NAMES));
  return [family, ...middles, pick(random, FEMALE_GIVEN_NAMES)].join(' ');
}

/** Century and sex digit: 0/1 for men/women born in the 1900s, 2/3 in the 2000s. */
function idNumberFor(random: Random, sex: Sex, birthYear: number): string {
  const centuryDigit = Math.floor((birthYear - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
  const serial = String(randomInt(random, 0, 999_999)).padStart(6, '0');
  return `${pick(random, PROVINCE_CODES).code}${centuryDigit}${String(birthYear % 100).padStart(2, '0')}${serial}`;
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

/**
 * `count` citizens, the same ones for the same seed. Each is drawn from the generator in turn, so
 * the first k citizens of a larger register are the register of k.
 */
export function generatePopulation(count = DEFAULT_POPULATION, seed = POPULATION_SEED): SeededCitizen[] {
  const random = createRandom(seed);
  const citizens: SeededCitizen[] = [];
  const taken = new Set<string>();
  while (citizens.length < count) {
    const sex: Sex = random() < 0.5 ? 'male' : 'female';
    const year = randomInt(random, 1940, 2012);
    const month = randomInt(random, 1, 12);
    const day = randomInt(random, 1, daysInMonth(year, month));
    const fullName = fullNameFor(random, sex, year);
    const idNumber = idNumberFor(random, sex, year);
    const status = pickWeighted(random, STATUS_WEIGHTS);
    if (taken.has(idNumber)) continue;
    taken.add(idNumber);
    citizens.push({ idNumber, fullName, birthDate: `${year}-${pad2(month)}-${pad2(day)}`, sex, statuses: status === null ? [] : [status] });
  }
  return citizens;
}
