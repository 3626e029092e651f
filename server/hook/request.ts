import { HookMissingProfileError } from '../errors.ts'
import type { HookRequest } from './contract.ts'

export type RequestKind = 'registration' | 'profileUpdate'

export interface ClassifiedRequest {
  kind: RequestKind
  /** The values to check: the whole registration form, or a progressive-profile delta. */
  profile: Record<string, unknown>
  /** Consent is stamped at Okta's event time, so a retried event gets the very same answer. */
  acceptedAt: string
  /** The user's language, when the request tells it. */
  locale: string | undefined
}

/**
 * Decides what Okta is asking. `requestType` when present; otherwise (Classic, older Identity Engine)
 * the shape: a `userProfileUpdate`, or a request URL ending in /enroll/update, means progressive profile.
 */
export function classifyRequest(body: HookRequest, localeAttribute: string | undefined): ClassifiedRequest {
  const { data } = body
  const kind: RequestKind =
    body.requestType === 'progressive.profile' ||
    (body.requestType === undefined &&
      (data.userProfileUpdate !== undefined || /\/enroll\/update$/.test(data.context?.request?.url?.value ?? '')))
      ? 'profileUpdate'
      : 'registration'
  const profile = kind === 'profileUpdate' ? data.userProfileUpdate : data.userProfile
  if (profile === undefined) {
    throw new HookMissingProfileError(
      kind === 'profileUpdate'
        ? 'body/data must have property userProfileUpdate for a progressive profile request'
        : 'body/data must have property userProfile for a self-service registration request',
    )
  }
  return { kind, profile, acceptedAt: toUtcIso(body.eventTime), locale: localeOf(kind, body, localeAttribute) }
}

/**
 * A progressive-profile request carries the user's profile `locale`; a sign-up carries none, so the
 * kit fills a non-schema form attribute (the policy's `locale.attribute`) that Okta forwards.
 */
function localeOf(kind: RequestKind, body: HookRequest, localeAttribute: string | undefined): string | undefined {
  const value =
    kind === 'profileUpdate'
      ? body.data.context?.user?.profile?.locale
      : localeAttribute && Object.hasOwn(body.data.userProfile ?? {}, localeAttribute)
        ? body.data.userProfile?.[localeAttribute]
        : undefined
  return typeof value === 'string' && value !== '' ? value : undefined
}

// Okta's own form: no need to parse a date only to print it the same way.
const UTC_MILLIS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

/** The schema has checked the time is ISO 8601; other offsets and precisions are normalized to UTC milliseconds. */
function toUtcIso(eventTime: string): string {
  return UTC_MILLIS.test(eventTime) ? eventTime : new Date(eventTime).toISOString()
}
