import { describe, expect, it } from 'vitest';
import { DEFAULT_POPULATION, generatePopulation } from '../../central-api';
import { describeIdNumber } from '../../shared/codes/id-number';
import { isRealDay } from '../../shared/codes/dates';

const population = generatePopulation();

describe('the seeded population register', () => {
  it('is the same for the same seed, and its first k citizens are the register of k', () => {
    expect(population).toHaveLength(DEFAULT_POPULATION);
    expect(generatePopulation(DEFAULT_POPULATION)).toEqual(population);
    expect(generatePopulation(100)).toEqual(population.slice(0, 100));
    expect(generatePopulation(100, 7)).not.toEqual(population.slice(0, 100));
  });

  it('gives unique ID numbers consistent with province, century, sex and birth year', () => {
    expect(new Set(population.map((citizen) => citizen.idNumber)).size).toBe(population.length);
    for (const citizen of population) {
      const facts = describeIdNumber(citizen.idNumber);
      const [year, month, day] = citizen.birthDate.split('-').map(Number);
      expect(isRealDay(year ?? 0, month ?? 0, day ?? 0), citizen.birthDate).toBe(true);
      expect(facts?.province, citizen.idNumber).toBeDefined();
      expect(facts?.sex).toBe(citizen.sex);
      expect(facts?.birthYear).toBe(year);
    }
  });

  it('has Vietnamese names: family, middle and given, Thị for most women', () => {
    const families = population.map((citizen) => citizen.fullName.split(' ')[0]);
    const share = (count: number) => count / population.length;
    expect(share(families.filter((family) => family === 'Nguyễn').length)).toBeGreaterThan(0.3);
    expect(population.every((citizen) => citizen.fullName.split(' ').length >= 3)).toBe(true);
    const women = population.filter((citizen) => citizen.sex === 'female');
    expect(women.filter((citizen) => citizen.fullName.split(' ')[1] === 'Thị').length / women.length).toBeGreaterThan(0.5);
    expect(population.filter((citizen) => citizen.sex === 'male').some((citizen) => citizen.fullName.includes(' Thị '))).toBe(false);
  });

  it('gives most citizens no status and some each status', () => {
    const clean = population.filter((citizen) => citizen.statuses.length === 0).length;
    expect(clean / population.length).toBeGreaterThan(0.8);
    for (const status of ['quarantine', 'confirmed-case', 'wanted', 'denied-entry'] as const) {
      expect(population.filter((citizen) => citizen.statuses.includes(status)).length, status).toBeGreaterThan(10);
    }
  });
});
