// The shapes the citizen app and its backend exchange (openapi.yaml's OtpSent, CitizenAccount,
// VneidToken, CitizenProblem), written once for both sides.

import type { PasswordRule } from './account-rules';

export interface OtpSent {
  registrationId: string;
  /** The number the code went to, masked. */
  phone: string;
  otpExpiresAt: string;
  resendAfter: string;
  resendsLeft: number;
}

export interface CitizenIdentity {
  idNumber: string;
  fullName: string;
  /** yyyy-MM-dd */
  birthDate: string;
  sex: 'male' | 'female';
}

export interface RegistrationDetails extends CitizenIdentity {
  phone: string;
}

export interface CitizenAccount extends CitizenIdentity {
  /** Masked. */
  phone: string;
  registeredAt: string;
}

export interface IdentityToken {
  token: string;
  expiresAt: string;
  /** The issue time: the app counts down against the server's clock, not the phone's. */
  serverTime: string;
}

export interface CitizenProblem {
  code: string;
  message: string;
  attemptsLeft?: number;
  retryAt?: string;
  lockedUntil?: string;
  brokenRules?: PasswordRule[];
}
