// The default verdict rules: JSON Logic, evaluated in order, the first rule whose `when` holds gives
// the verdict (the way EU verifier apps run CertLogic rules). The central API serves this set at
// GET /v1/reference/rules, and the station ships it as the fallback until it has fetched one, so
// both read this one file. Pure data: no I/O.

import type { RulesLogic } from 'json-logic-js';
import type { Verdict } from '../records/passage';

export type CitizenStatus = 'quarantine' | 'confirmed-case' | 'wanted' | 'denied-entry';
/** `token-invalid`: a VNeID token the backend never issued; `token-expired`: one past its minute (a replayed screenshot). */
export type IdentityMatch = 'found' | 'mismatch' | 'not-found' | 'token-invalid' | 'token-expired';

/** Statuses that stop a citizen at the checkpoint; the deny list carries exactly these. */
export const BLOCKING_STATUSES = ['wanted', 'denied-entry', 'confirmed-case'] as const satisfies readonly CitizenStatus[];

/**
 * What the rules read (the `var` paths below). The station's verdict engine builds this object:
 * - `code`: the classified code — `kind` (chip-card, vneid-token…), `valid` (no error-severity
 *   problem), `problems` (problem codes), `carriesIdNumber` (a whole ID number the deny list can
 *   be searched by: not a health-insurance card, a VNeID token or a masked PC-Covid code).
 * - `online`: the central API's verify answer, or null when there is none (offline, or past the
 *   deadline). When present it is authoritative and `offline` is not consulted.
 * - `offline`: the cached deny list looked up by the code's ID number: `denyListed`, and `status`
 *   (the entry's reason, null when not listed).
 * - `card`: `expired` — the ID card is past its renewal milestone.
 * - `dcc`: `businessRulesFailed` — a vaccine passport failed one of the central API's CertLogic
 *   business rules (which ones are in the reasons).
 */
export interface VerdictInputs {
  code: { kind: string; valid: boolean; problems: string[]; carriesIdNumber: boolean };
  online: { match: IdentityMatch; statuses: CitizenStatus[]; denyListed: boolean } | null;
  offline: { denyListed: boolean; status: CitizenStatus | null };
  card: { expired: boolean };
  dcc: { businessRulesFailed: boolean };
}

export interface VerdictRule {
  id: string;
  when: RulesLogic;
  verdict: Verdict;
  /** A stable code the station translates for the officer. */
  reason: string;
}

/** The shape of GET /v1/reference/rules (schema RuleSet). */
export interface RuleSet {
  version: string;
  rules: VerdictRule[];
}

const isOnline: RulesLogic = { '!==': [{ var: 'online' }, null] };
/** The online answer when there is one, else the cached offline data. */
const onlineElseOffline = (online: RulesLogic, offline: RulesLogic): RulesLogic => ({ if: [isOnline, online, offline] });
const blocking = [...BLOCKING_STATUSES];

export const DEFAULT_RULE_SET: RuleSet = {
  version: 'default-4',
  rules: [
    // Deny first: a wanted person's damaged card is still a wanted person's card.
    {
      id: 'deny-list',
      when: onlineElseOffline({ var: 'online.denyListed' }, { var: 'offline.denyListed' }),
      verdict: 'deny',
      reason: 'deny-list',
    },
    {
      id: 'blocking-status',
      when: onlineElseOffline({ some: [{ var: 'online.statuses' }, { in: [{ var: '' }, blocking] }] }, { in: [{ var: 'offline.status' }, blocking] }),
      verdict: 'deny',
      reason: 'blocking-status',
    },
    { id: 'code-invalid', when: { '!': { var: 'code.valid' } }, verdict: 'invalid', reason: 'code-invalid' },
    // A VNeID code is its own proof or none: one the backend never issued is not the app's, one
    // past its minute is a screenshot shown again. The officer asks for the live code.
    { id: 'vneid-token-not-issued', when: { '===': [{ var: 'online.match' }, 'token-invalid'] }, verdict: 'invalid', reason: 'vneid-token-not-issued' },
    { id: 'vneid-token-expired', when: { '===': [{ var: 'online.match' }, 'token-expired'] }, verdict: 'invalid', reason: 'vneid-token-expired' },
    {
      id: 'identity-not-confirmed',
      when: { in: [{ var: 'online.match' }, ['mismatch', 'not-found']] },
      verdict: 'check',
      reason: 'identity-not-confirmed',
    },
    {
      id: 'quarantine',
      when: onlineElseOffline({ in: ['quarantine', { var: 'online.statuses' }] }, { '===': [{ var: 'offline.status' }, 'quarantine'] }),
      verdict: 'check',
      reason: 'quarantine',
    },
    { id: 'card-expired', when: { '===': [{ var: 'card.expired' }, true] }, verdict: 'check', reason: 'card-expired' },
    // A VNeID token can only be verified online: offline, the officer checks the ID card by eye.
    {
      id: 'vneid-offline',
      when: { and: [{ '===': [{ var: 'code.kind' }, 'vneid-token'] }, { '===': [{ var: 'online' }, null] }] },
      verdict: 'check',
      reason: 'vneid-offline',
    },
    {
      id: 'dcc-business-rules',
      when: { '===': [{ var: 'dcc.businessRulesFailed' }, true] },
      verdict: 'check',
      reason: 'dcc-business-rules',
    },
    // A vaccine passport's signature proves the certificate, not who holds it, and it carries no ID
    // number for the deny list: the officer compares its name and birth date with an identity document.
    {
      id: 'dcc-identity-document',
      when: { '===': [{ var: 'code.kind' }, 'eu-dcc'] },
      verdict: 'check',
      reason: 'dcc-identity-document',
    },
    // Offline, only an ID number can be searched in the cached deny list (names and birth dates of
    // denied people are not sent to stations): a code without one needs an identity document.
    {
      id: 'identity-document-required',
      when: { and: [{ '===': [{ var: 'online' }, null] }, { '!': { var: 'code.carriesIdNumber' } }] },
      verdict: 'check',
      reason: 'identity-document-required',
    },
    { id: 'clear', when: true, verdict: 'pass', reason: 'clear' },
  ],
};
