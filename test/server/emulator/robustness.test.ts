import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { beforeEach, describe, expect, it } from 'vitest'
import { APP_REDIRECT_URI, authorize, buildEmulator, CLIENT_ID, idx, pkce, startFakeHook, startSignUp } from './helper.ts'

const IDX_PATHS = [
  'introspect',
  'identify',
  'enroll/update',
  'identify/select',
  'enroll',
  'enroll/new',
  'credential/enroll',
  'challenge',
  'challenge/answer',
  'challenge/poll',
  'challenge/resend',
  'cancel',
]

/** Small, so that the property's runs go past them many times. */
const MAX_TRANSACTIONS = 4
const MAX_SESSIONS = 3

const SEEDED = { login: 'grace@example.com', password: 'Seeded-Pass-1', profile: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', department: 'Engineering' } }

/** Every route of the emulator, with the parameters its clients send; arbitrary values go into them. */
const ROUTES = [
  { method: 'GET', url: '/oauth2/default/.well-known/openid-configuration', fields: [] },
  { method: 'GET', url: '/oauth2/default/v1/keys', fields: [] },
  { method: 'GET', url: '/oauth2/default/v1/authorize', fields: ['client_id', 'redirect_uri', 'response_type', 'response_mode', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method', 'prompt'] },
  { method: 'POST', url: '/oauth2/default/v1/interact', fields: ['client_id', 'redirect_uri', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method'] },
  { method: 'POST', url: '/oauth2/default/v1/token', fields: ['grant_type', 'client_id', 'redirect_uri', 'code', 'code_verifier', 'interaction_code', 'refresh_token', 'scope'] },
  { method: 'GET', url: '/oauth2/default/v1/userinfo', fields: [] },
  { method: 'POST', url: '/oauth2/default/v1/userinfo', fields: [] },
  { method: 'POST', url: '/oauth2/default/v1/revoke', fields: ['client_id', 'token', 'token_type_hint'] },
  { method: 'POST', url: '/oauth2/default/v1/introspect', fields: ['client_id', 'token', 'token_type_hint'] },
  { method: 'GET', url: '/oauth2/default/v1/logout', fields: ['id_token_hint', 'post_logout_redirect_uri', 'state'] },
  { method: 'GET', url: '/login/token/redirect', fields: ['stateToken'] },
  { method: 'GET', url: '/emulator/outbox', fields: ['to'] },
  { method: 'GET', url: '/emulator/outbox/view', fields: ['to'] },
] as const

const VALID: Record<string, string[]> = {
  client_id: [CLIENT_ID],
  redirect_uri: [APP_REDIRECT_URI, 'http://localhost/login/callback'],
  response_type: ['code'],
  scope: ['openid profile email', 'openid offline_access'],
  code_challenge: [pkce().challenge],
  code_challenge_method: ['S256'],
  grant_type: ['authorization_code', 'interaction_code', 'refresh_token'],
  token_type_hint: ['access_token', 'refresh_token', 'id_token'],
}

/** Mostly valid values, so requests get past the first checks; sometimes left out, anything, or over 2 KB. */
const fieldValue = (name: string) =>
  fc.option(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...(VALID[name] ?? ['x'])) },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ minLength: 2040, maxLength: 2060 }) },
    ),
    { freq: 8, nil: undefined },
  )

/** Any route; the two that start transactions more often, so the runs go well past the bound. */
const anyRequest = fc.oneof(
  ...ROUTES.map((route) => ({
    weight: route.url.endsWith('/interact') || route.url.endsWith('/authorize') ? 4 : 1,
    arbitrary: fc.record({
      route: fc.constant(route),
      fields: fc.record(Object.fromEntries(route.fields.map((name) => [name, fieldValue(name)]))),
      authorization: fc.option(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }).map((token) => `Bearer ${token}`)), { nil: undefined }),
      // Anything in the Cookie header, often a session cookie of a signed-in browser (see `session` below).
      cookie: fc.option(fc.oneof(fc.constant('session'), fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }).map((id) => `idx=${id}`)), { nil: undefined }),
    }),
  })),
)

describe('the emulator with arbitrary input', () => {
  let hook: Awaited<ReturnType<typeof startFakeHook>>
  let app: FastifyInstance
  let stateHandle: string

  /** Grace signs in on the hosted page: the session cookie her browser gets. */
  async function signIn() {
    const { stateToken } = (await authorize(app)).json().hostedPageSettings
    await idx(app, 'identify', { stateHandle: stateToken, identifier: SEEDED.login })
    const finished = await idx(app, 'challenge/answer', { stateHandle: stateToken, credentials: { passcode: SEEDED.password } })
    return String(finished.headers['set-cookie']).split(';')[0]!
  }
  /** Whether the browser with `cookie` is still signed in: prompt=none answers with a code. */
  async function signedIn(cookie: string) {
    const silent = { client_id: CLIENT_ID, response_type: 'code', scope: 'openid', redirect_uri: APP_REDIRECT_URI, state: 's', code_challenge: pkce().challenge, code_challenge_method: 'S256', prompt: 'none' }
    const response = await app.inject({ url: `/oauth2/default/v1/authorize?${new URLSearchParams(silent)}`, headers: { cookie } })
    return new URL(response.headers.location as string).searchParams.has('code')
  }
  let session: string

  beforeEach(async () => {
    hook = await startFakeHook()
    app = await buildEmulator(hook.url, { maxTransactions: MAX_TRANSACTIONS, maxSessions: MAX_SESSIONS, seedUsers: [SEEDED] })
    stateHandle = await startSignUp(app, pkce().challenge)
    session = await signIn()
  })

  it('never answers an IDX request with a 5xx, and always with JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IDX_PATHS),
        fc.dictionary(fc.constantFrom('userProfile', 'authenticator', 'credentials', 'interactionHandle', 'x'), fc.jsonValue()),
        fc.boolean(),
        async (path, body, withHandle) => {
          const response = await idx(app, path, withHandle ? { ...body, stateHandle } : body)
          expect(response.statusCode).toBeLessThan(500)
          expect(response.headers['content-type']).toContain('application/json')
        },
      ),
      { numRuns: 150 },
    )
  })

  it('answers every route with a 4xx or a valid answer, never a 5xx, and never holds more than its live transactions bound', async () => {
    /** Transactions started and not yet seen gone: an evicted one never comes back. */
    let maybeLive: string[] = []
    let started = 0
    await fc.assert(
      fc.asyncProperty(fc.array(anyRequest, { minLength: 1, maxLength: 12 }), async (requests) => {
        for (const { route, fields, authorization, cookie } of requests) {
          const defined = Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined)
          const query = new URLSearchParams(defined).toString()
          const response = await app.inject({
            method: route.method,
            url: route.method === 'GET' && query ? `${route.url}?${query}` : route.url,
            headers: {
              ...(authorization ? { authorization } : {}),
              ...(cookie ? { cookie: cookie === 'session' ? session : cookie } : {}),
              ...(route.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
            },
            ...(route.method === 'POST' ? { payload: query } : {}),
          })
          expect(response.statusCode, `${route.method} ${route.url}`).toBeLessThan(500)
          // A live session answers authorize with a code at once: no transaction is left to count.
          if (response.statusCode !== 200) continue
          if (!route.url.endsWith('/interact') && !route.url.endsWith('/authorize')) continue
          const body = response.json()
          maybeLive.push(body.interaction_handle ?? body.hostedPageSettings.stateToken)
          started++
        }
        const live = await Promise.all(maybeLive.map(async (handle) => (await idx(app, 'introspect', { stateToken: handle })).statusCode === 200))
        maybeLive = maybeLive.filter((_handle, index) => live[index])
        expect(maybeLive.length).toBeLessThanOrEqual(MAX_TRANSACTIONS)
      }),
      { numRuns: 150 },
    )
    // The runs went well past the bound: several times more transactions were started than may live (about 40).
    expect(started).toBeGreaterThan(3 * MAX_TRANSACTIONS)
  })

  it('never holds more than its sessions bound, however many browsers sign in', async () => {
    /** Cookies of sign-ins not yet seen gone: an evicted session never comes back. */
    let maybeLive: string[] = []
    let started = 0
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), async (visits) => {
        for (const signsIn of visits) {
          if (signsIn) {
            maybeLive.push(await signIn())
            started++
          } else if (maybeLive.length > 0) {
            // The earliest browser comes back: its session is used, so another one is now the idlest.
            await signedIn(maybeLive[0]!)
          }
        }
        const live = await Promise.all(maybeLive.map(signedIn))
        maybeLive = maybeLive.filter((_cookie, index) => live[index])
        expect(maybeLive.length).toBeLessThanOrEqual(MAX_SESSIONS)
      }),
      { numRuns: 20 },
    )
    expect(started).toBeGreaterThan(3 * MAX_SESSIONS)
  })

  it('never answers the token endpoint with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 60 })), async (fields) => {
        const response = await app.inject({
          method: 'POST',
          url: '/oauth2/default/v1/token',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(fields).toString(),
        })
        expect(response.statusCode).toBeLessThan(500)
      }),
      { numRuns: 100 },
    )
  })
})
