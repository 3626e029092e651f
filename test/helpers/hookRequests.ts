import { oktaFixture } from '../fixtures/okta/index.ts'

/** Okta's documented self-service registration request with the given profile values. */
export function registrationRequest(userProfile: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const request = oktaFixture('hook/ssr-request.json')
  request.data.userProfile = userProfile
  return { ...request, ...extra }
}

/** A profile that passes the default policy. */
export const allowedProfile = {
  firstName: 'Rosario',
  lastName: 'Jones',
  login: 'rosario.jones@example.com',
  email: 'rosario.jones@example.com',
  department: 'Engineering',
  termsAccepted: true,
}
