import type { Passage } from '../../../shared/records/passage';
import { maskIdNumber, maskName } from '../../../shared/privacy/mask';

/**
 * What of a passage leaves the core, by where it is shown. Never the raw payload or a VNeID
 * token; the ID number always masked; the birth date as its year (an age check needs no more).
 */
function leastData(passage: Passage, fullName: string | null): Passage {
  const { identity } = passage;
  return {
    ...passage,
    identity: {
      idNumber: identity.idNumber === null ? null : maskIdNumber(identity.idNumber),
      fullName,
      birthDate: identity.birthDate?.slice(0, 4) ?? null,
      sex: identity.sex,
    },
    rawPayload: null,
    vneidToken: null,
  };
}

/** A row of the history list: the name masked too. */
export const passageForList = (passage: Passage): Passage => leastData(passage, passage.identity.fullName === null ? null : maskName(passage.identity.fullName));

/** The passage an officer opens (audited): the full name, to compare with the person and the card. */
export const passageForDetail = (passage: Passage): Passage => leastData(passage, passage.identity.fullName);
