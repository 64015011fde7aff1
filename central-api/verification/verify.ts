// Identity matching against the population register: what POST /v1/verify answers, and the
// retroactive check of every passage a station decided offline.

import type { Database } from 'better-sqlite3-multiple-ciphers';
import { foldForSearch } from '../../shared/text/search-fold';
import type { Citizen, CodeForVerification, IdentityMatch, PassageUpload, RetroCheck, VerifyResponse } from '../api-types';
import { citizensNamed, getCitizen, statusesOf } from '../db/citizens';
import { isDenyListed } from '../db/deny-list';
import { isDenied, standingAt, type Standing } from '../db/standing';
import { judgeToken, ONLINE_CHECK_TOLERANCE_MS, SERVER_TIME_TOLERANCE_MS, STATION_CLOCK_TOLERANCE_MS } from './vneid';

const clean: Standing = { statuses: [], denyListed: false };

function standingOf(db: Database, idNumber: string): Standing {
  return { statuses: statusesOf(db, idNumber), denyListed: isDenyListed(db, idNumber) };
}

/** Blank fields count as not given: a station may send what a card left empty. */
const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** Names agree with diacritics and case folded; a birth date agrees to the precision given. */
function agrees(citizen: Citizen, code: CodeForVerification): boolean {
  if (given(code.fullName) && foldForSearch(code.fullName) !== foldForSearch(citizen.fullName)) return false;
  return !given(code.birthDate) || citizen.birthDate.startsWith(code.birthDate);
}

interface Outcome {
  match: IdentityMatch;
  citizen?: Citizen | undefined;
  /**
   * The ID the answer's statuses and deny-list flag are about. For a mismatch that is the ID's
   * registered holder (someone may be using a wanted person's number), but the holder's identity
   * is not disclosed: only `found` returns the citizen.
   */
  idNumber?: string | undefined;
}

function byIdNumber(db: Database, idNumber: string | undefined, code: CodeForVerification): Outcome {
  if (!given(idNumber)) return { match: 'not-found' };
  const citizen = getCitizen(db, idNumber);
  if (!citizen) return { match: 'not-found', idNumber };
  return agrees(citizen, code) ? { match: 'found', citizen, idNumber } : { match: 'mismatch', idNumber };
}

/** Only a single candidate is an identification; two namesakes born the same day are not. */
function unique(candidates: readonly Citizen[]): Outcome {
  const [only, ...others] = candidates;
  return only && others.length === 0 ? { match: 'found', citizen: only, idNumber: only.idNumber } : { match: 'not-found' };
}

/** PC-Covid may mask the document number with `*`: match what is readable plus name and birth date. */
function byMaskedNumber(db: Database, masked: string, code: CodeForVerification): Outcome {
  if (!given(code.fullName) || masked.length !== 12) return { match: 'not-found' };
  const readable = (idNumber: string) => [...masked].every((digit, index) => digit === '*' || digit === idNumber[index]);
  return unique(citizensNamed(db, foldForSearch(code.fullName)).filter((citizen) => readable(citizen.idNumber) && agrees(citizen, code)));
}

/** A BHYT card carries no ID number: name and full birth date must single out one citizen. */
function byNameAndBirthDay(db: Database, code: CodeForVerification): Outcome {
  if (!given(code.fullName) || !/^\d{4}-\d{2}-\d{2}$/.test(code.birthDate ?? '')) return { match: 'not-found' };
  return unique(citizensNamed(db, foldForSearch(code.fullName)).filter((citizen) => agrees(citizen, code) && (code.sex === undefined || code.sex === citizen.sex)));
}

function identify(db: Database, code: CodeForVerification, scannedAt: Date, toleranceMs = STATION_CLOCK_TOLERANCE_MS): Outcome {
  switch (code.kind) {
    case 'vneid-token': {
      const judged = given(code.token) ? judgeToken(db, code.token, scannedAt, toleranceMs) : undefined;
      if (judged?.kind === 'valid') return { match: 'found', citizen: judged.citizen, idNumber: judged.citizen.idNumber };
      return { match: judged?.kind === 'expired' ? 'token-expired' : 'token-invalid' };
    }
    case 'pc-covid':
      return code.documentNumber?.includes('*') ? byMaskedNumber(db, code.documentNumber, code) : byIdNumber(db, code.documentNumber, code);
    case 'bhyt':
      return byNameAndBirthDay(db, code);
    default:
      return byIdNumber(db, code.idNumber, code);
  }
}

/** The online check: judged at the server's own time, whatever scan time the station reports. */
export function verifyCode(db: Database, code: CodeForVerification, now: Date): VerifyResponse {
  const outcome = identify(db, code, now, ONLINE_CHECK_TOLERANCE_MS);
  const standing = outcome.idNumber === undefined ? clean : standingOf(db, outcome.idNumber);
  return { match: outcome.match, ...(outcome.match === 'found' && { citizen: outcome.citizen }), ...standing, checkedAt: now.toISOString() };
}

/** The code a stored passage came from, as far as its upload tells: the identity the station read, or the offline VNeID token. */
function uploadedCode(passage: PassageUpload): CodeForVerification | undefined {
  const fields = { fullName: passage.fullName ?? undefined, birthDate: passage.birthDate ?? undefined, sex: passage.sex ?? undefined };
  switch (passage.codeKind) {
    case 'vneid-token':
      return passage.vneidToken === null ? undefined : { kind: 'vneid-token', token: passage.vneidToken };
    case 'pc-covid':
      return { kind: 'pc-covid', documentNumber: passage.idNumber ?? undefined, ...fields };
    case 'bhyt':
      return { kind: 'bhyt', cardNumber: passage.idNumber ?? undefined, ...fields };
    case 'chip-card':
    case 'can-cuoc-card':
    case 'copied-card':
    case 'paper-declaration':
      return { kind: passage.codeKind, idNumber: passage.idNumber ?? undefined, ...fields };
    default:
      return undefined;
  }
}

/**
 * For a passage the station decided offline: the register's judgement as of its scan time, so the
 * station can raise an alert when it was worse than it knew. The scan time is the station's
 * offset-corrected `serverTime` when it sent one (a tight tolerance), else its own clock.
 * Undefined for a passage decided online, or one whose code names nobody (garbage).
 */
export function retroCheckFor(db: Database, passage: PassageUpload): RetroCheck | undefined {
  if (passage.verification !== 'offline') return undefined;
  const code = uploadedCode(passage);
  if (code === undefined) return undefined;
  const [scannedAt, toleranceMs] = passage.serverTime ? [new Date(passage.serverTime), SERVER_TIME_TOLERANCE_MS] : [new Date(passage.scannedAt), STATION_CLOCK_TOLERANCE_MS];
  // A token's minute is only as good as the clock it is judged by: the station's own is not enough (vneid.ts).
  const outcome = code.kind === 'vneid-token' && !passage.serverTime ? { match: 'token-invalid' as const } : identify(db, code, scannedAt, toleranceMs);
  const standing = outcome.idNumber === undefined ? clean : standingAt(db, outcome.idNumber, scannedAt);
  return {
    // Past its minute at its scan time or never issued, a token proved nothing then: the station's one alert.
    match: outcome.match === 'token-expired' ? 'token-invalid' : outcome.match,
    denied: isDenied(standing),
    quarantine: standing.statuses.includes('quarantine'),
    // Only a VNeID code's holder is news to the station; a card's identity it read itself.
    ...(code.kind === 'vneid-token' && outcome.citizen && { citizen: outcome.citizen }),
  };
}
