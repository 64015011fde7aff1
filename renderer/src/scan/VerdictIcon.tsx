import type { Verdict } from '../../../shared/records/passage';

/** A shape per verdict, so it reads without colour: tick, eye, cross, question mark. */
export function VerdictIcon({ verdict }: { verdict: Verdict }) {
  return (
    <svg className="verdict-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" fill="none" stroke="currentColor" strokeWidth="4" />
      {verdict === 'pass' && <path d="M13 25 l8 8 l15 -17" fill="none" stroke="currentColor" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />}
      {verdict === 'check' && (
        <>
          <path d="M9 24 q15 -14 30 0 q-15 14 -30 0 z" fill="none" stroke="currentColor" strokeWidth="3.5" />
          <circle cx="24" cy="24" r="5" fill="currentColor" />
        </>
      )}
      {verdict === 'deny' && <path d="M15 15 l18 18 M33 15 l-18 18" stroke="currentColor" strokeWidth="5" strokeLinecap="round" />}
      {verdict === 'invalid' && (
        <>
          <path d="M17 18 q0 -7 7 -7 q7 0 7 6 q0 5 -7 8 v4" fill="none" stroke="currentColor" strokeWidth="4.5" strokeLinecap="round" />
          <circle cx="24" cy="36" r="2.8" fill="currentColor" />
        </>
      )}
    </svg>
  );
}
