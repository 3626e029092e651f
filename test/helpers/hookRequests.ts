import { readFileSync } from 'node:fs'

const FIXTURES = new URL('../../../shared/fixtures/hook/', import.meta.url)

export function fixture<T = Record<string, any>>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T
}

export const fixtureRequests = ['ssr-request.json', 'progressive-profile-request.json', 'classic-ssr-request.json']

/** Okta's documented self-service registration request with the given profile values. */
export function registrationRequest(userProfile: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const request = fixture('ssr-request.json')
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
