import type { Policy } from './schema.ts'

/** Okta forwards a checkbox as a JSON boolean; radio-style booleans may arrive as the string "true". */
export function isAccepted(value: unknown): boolean {
  return value === true || value === 'true'
}

/** The profile attributes that record which terms were accepted, and when. */
export function consentStamps(consent: Policy['consent'], acceptedAt: string): Record<string, string> {
  if (!consent.stamp.enabled) return {}
  return {
    [consent.stamp.versionAttribute]: consent.version,
    [consent.stamp.acceptedAtAttribute]: acceptedAt,
  }
}
