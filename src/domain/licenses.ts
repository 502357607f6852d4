import type { LicenseStatus } from './model';

/**
 * What a state medical license's status and expiry date mean for a doctor's right to practise
 * (RULES.md, DOC_LICENSE_STATUS and DOC_LICENSE_EXPIRY). Answers, the doctor rules and the
 * daily sweep all read them here.
 */

export type LicenseStanding =
  /** Licensed without conditions. */
  | 'good'
  /** Licensed, under conditions a patient would want to know of. */
  | 'conditional'
  /** Not licensed to practise now. */
  | 'not_licensed';

const standings: Record<LicenseStatus, LicenseStanding> = {
  active: 'good',
  probation: 'conditional',
  restricted: 'conditional',
  expired: 'not_licensed',
  lapsed: 'not_licensed',
  inactive: 'not_licensed',
  suspended: 'not_licensed',
  revoked: 'not_licensed',
  surrendered: 'not_licensed',
  cancelled: 'not_licensed',
};

export const licenseStanding = (status: LicenseStatus): LicenseStanding =>
  standings[status] ?? 'not_licensed';

/** A license a board took away, as opposed to one its holder let run out. */
export const isDisciplinaryStatus = (status: LicenseStatus) =>
  status === 'suspended' || status === 'revoked' || status === 'surrendered';

export interface LicenseExpiry {
  state: 'expired' | 'expiring' | 'current';
  /** Whole days from `today` to the expiry date: negative once expired. */
  days: number;
}

const dayMs = 86_400_000;

/**
 * Where a license stands against its expiry date on `today` (both YYYY-MM-DD). A license is good
 * through the day it expires on; `warnDays` ahead of it, it is expiring.
 */
export function licenseExpiry(expiresOn: string, today: string, warnDays: number): LicenseExpiry {
  const days = Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / dayMs);
  return { state: days < 0 ? 'expired' : days <= warnDays ? 'expiring' : 'current', days };
}
