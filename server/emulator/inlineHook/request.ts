import { randomUUID } from 'node:crypto'
import type { Profile } from '../users/directory.ts'

interface Request {
  ipAddress: string
  requestId: string
}

/** The signed-in user a progressive-profile request is about, as Okta describes them to the hook. */
export interface HookUser {
  id: string
  login: string
  profile: Profile
  passwordChanged?: string
}

/** What Okta asks its registration inline hook: a sign-up's whole form, or a signed-in user's progressive-profile delta. */
export type InlineHookAttempt =
  | (Request & { requestType: 'self.service.registration'; userProfile: Profile })
  | (Request & { requestType: 'progressive.profile'; user: HookUser; userProfileUpdate: Profile })

export interface HookRequestOptions {
  /** Okta sends a fresh id and the current time with each call; tests pin them. */
  eventId?: string
  now?: Date
  /** The hook's id in the org (Okta's `source`). */
  source?: string
}

/**
 * Okta's request body for the attempt, in the two documented shapes (test/fixtures/okta/hook/): the one
 * builder of the emulator's calls, the `hook:preview` command and the tests.
 */
export function oktaHookRequest(attempt: InlineHookAttempt, { eventId = randomUUID(), now = new Date(), source = 'emulator-registration-hook' }: HookRequestOptions = {}) {
  const progressive = attempt.requestType === 'progressive.profile'
  const request = { id: attempt.requestId, method: 'POST', url: { value: progressive ? '/idp/idx/enroll/update' : '/idp/idx/enroll/new' }, ipAddress: attempt.ipAddress }
  const envelope = {
    eventId,
    eventTime: now.toISOString(),
    eventType: 'com.okta.user.pre-registration',
    eventTypeVersion: '1.0',
    contentType: 'application/json',
    cloudEventVersion: '0.1',
    source,
    requestType: attempt.requestType,
  }
  if (attempt.requestType === 'self.service.registration') {
    return { ...envelope, data: { context: { request }, userProfile: attempt.userProfile, action: 'ALLOW' } }
  }
  const { user } = attempt
  return {
    ...envelope,
    data: {
      context: {
        request,
        user: {
          passwordChanged: user.passwordChanged ?? null,
          _links: { groups: { href: `/api/v1/users/${user.id}/groups` }, factors: { href: `/api/v1/users/${user.id}/factors` } },
          profile: { ...user.profile, login: user.login },
          id: user.id,
        },
      },
      action: 'ALLOW',
      userProfileUpdate: attempt.userProfileUpdate,
    },
  }
}
