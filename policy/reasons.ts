/** The reason codes Okta receives in `errorCauses[].reason`; stable, relied on by users and tests. */
export const REASON_CODES = [
  'INVALID_EMAIL',
  'INVALID_EMAIL_DOMAIN',
  'FREE_EMAIL_PROVIDER',
  'DISPOSABLE_EMAIL',
  'INVALID_NAME',
  'UNKNOWN_DEPARTMENT',
  'TERMS_NOT_ACCEPTED',
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

/** One failing attribute: what the end user sees under the field, and why. */
export interface ProfileIssue {
  attribute: string
  reason: ReasonCode
  message: string
}
