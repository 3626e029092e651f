import type { Policy } from './schema.ts'

/** Okta forwards a checkbox as a JSON boolean; radio-style booleans may arrive as the string "true". */
export function isAccepted(value: unknown): boolean {
  return value === true || value === 'true'
}

/** Writes the profile attributes that record which terms were accepted, when, and in which language if known. */
export function stampConsent(updates: Record<string, string>, consent: Policy['consent'], acceptedAt: string, locale?: string): void {
  if (!consent.stamp.enabled) return
  updates[consent.stamp.versionAttribute] = consent.version
  updates[consent.stamp.acceptedAtAttribute] = acceptedAt
  if (locale) updates[consent.stamp.localeAttribute] = locale
}
