import { randomBytes } from 'node:crypto'
import { oktaHookRequest, type HookUser } from '../../server/emulator/inlineHook/request.ts'

export interface PreviewInput {
  email: string
  department?: string
  firstName?: string
  lastName?: string
  /** Sent as the JSON boolean a checkbox gives; omitted means the form had no consent field. */
  termsAccepted?: boolean
  /** Progressive profile: `email` names the existing user, the other values are the update. */
  progressive?: boolean
}

export interface PreviewRequestOptions {
  /** Tests pin these; a preview uses a fresh id and the current time, as Okta does for each call. */
  eventId?: string
  now?: Date
}

// Okta ids look like "regt4qeBKU29vSoPz0g3": a three-letter type prefix and base62-ish characters.
const oktaId = (prefix: string) => prefix + randomBytes(12).toString('base64url').replace(/[-_]/g, '0').slice(0, 17)

/**
 * An Okta registration inline hook request of the documented shape (Okta's self-service registration and
 * progressive-profile examples: `test/fixtures/okta/hook/`), built as the emulator builds its calls and
 * filled from the given values the way the Admin Console's Preview tab fills it from a chosen user.
 */
export function buildPreviewRequest(input: PreviewInput, options: PreviewRequestOptions = {}) {
  const submitted = definedOnly({
    firstName: input.firstName,
    lastName: input.lastName,
    department: input.department,
    termsAccepted: input.termsAccepted,
  })
  const request = { ipAddress: '127.0.0.1', requestId: randomBytes(20).toString('base64url') }
  const hookOptions = { ...options, source: oktaId('reg') }
  return input.progressive === true
    ? oktaHookRequest({ ...request, requestType: 'progressive.profile', user: existingUser(input.email), userProfileUpdate: submitted }, hookOptions)
    : oktaHookRequest({ ...request, requestType: 'self.service.registration', userProfile: { ...submitted, login: input.email, email: input.email } }, hookOptions)
}

export type PreviewRequest = ReturnType<typeof buildPreviewRequest>

/** The signed-in user a progressive profile request is about. */
function existingUser(email: string): HookUser {
  return { id: oktaId('00u'), login: email, profile: { email, locale: 'en_US' }, passwordChanged: '2022-01-01T00:00:00.000Z' }
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>
}
