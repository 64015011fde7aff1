// The reference central API's surface for tests and tools: start it in-process, find seeded
// citizens, change the deny list, issue enrolment codes, and the wire types.

export { startCentralApi, type CentralApi, type CentralApiOptions } from './server';
export { findCitizens, setCitizenStatus, type CitizenFilter, type RegisteredCitizen } from './db/citizens';
export { addToDenyList, removeFromDenyList } from './db/deny-list';
export { issueEnrolmentCode } from './db/stations';
export { DEFAULT_POPULATION, generatePopulation, type SeededCitizen } from './population/generate';
export type * from './api-types';
