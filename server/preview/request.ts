import { randomBytes, randomUUID } from 'node:crypto'

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
 * progressive-profile examples: `test/fixtures/okta/hook/`),
 * filled from the given values the way the Admin Console's Preview tab fills it from a chosen user.
 */
export function buildPreviewRequest(input: PreviewInput, options: PreviewRequestOptions = {}) {
  const submitted = definedOnly({
    firstName: input.firstName,
    lastName: input.lastName,
    department: input.department,
    termsAccepted: input.termsAccepted,
  })
  const progressive = input.progressive === true
  const request = {
    method: 'POST',
    ipAddress: '127.0.0.1',
    id: randomBytes(20).toString('base64url'),
    url: { value: progressive ? '/idp/idx/enroll/update' : '/idp/idx/enroll/new' },
  }
  return {
    eventId: options.eventId ?? randomUUID(),
    eventTime: (options.now ?? new Date()).toISOString(),
    eventType: 'com.okta.user.pre-registration',
    eventTypeVersion: '1.0',
    contentType: 'application/json',
    cloudEventVersion: '0.1',
    source: oktaId('reg'),
    requestType: progressive ? 'progressive.profile' : 'self.service.registration',
    data: progressive
      ? {
          context: { request, user: existingUser(input.email) },
          action: 'ALLOW',
          userProfileUpdate: submitted,
        }
      : {
          context: { request },
          userProfile: { ...submitted, login: input.email, email: input.email },
          action: 'ALLOW',
        },
  }
}

export type PreviewRequest = ReturnType<typeof buildPreviewRequest>

/** `data.context.user` of a progressive profile request: the signed-in user the update is for. */
function existingUser(email: string) {
  const id = oktaId('00u')
  return {
    passwordChanged: '2022-01-01T00:00:00.000Z',
    _links: {
      groups: { href: `/api/v1/users/${id}/groups` },
      factors: { href: `/api/v1/users/${id}/factors` },
    },
    profile: { login: email, email, locale: 'en_US' },
    id,
  }
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>
}
