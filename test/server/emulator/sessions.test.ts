import type { FastifyInstance, LightMyRequestResponse as Response } from 'fastify'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { APP_REDIRECT_URI, APP_SIGNED_OUT_URI, authorize, buildEmulator, followSuccess, idx, interact, pkce, startFakeHook, token } from './helper.ts'

const PASSWORD = 'Seeded-Pass-1'
const seeded = (name: string) => ({
  login: `${name}@example.com`,
  password: PASSWORD,
  profile: { firstName: name, lastName: 'Seeded', email: `${name}@example.com`, department: 'Engineering' },
})
const GRACE = seeded('grace')
const LINUS = seeded('linus')

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString())

/** The `idx` cookie an answer sets, as the browser sends it back (`idx=<id>`), and its attributes. */
function sessionCookie(response: Response) {
  const header = [response.headers['set-cookie'] ?? []].flat().find((cookie) => cookie.startsWith('idx='))
  if (!header) throw new Error(`no session cookie on ${response.statusCode} ${response.body.slice(0, 200)}`)
  const [pair, ...attributes] = header.split('; ')
  return { cookie: pair!, attributes }
}

/** Answers the sign-in form of a transaction with `who`'s username and password: the last answer. */
async function signIn(app: FastifyInstance, stateHandle: string, who: { login: string; password: string }) {
  await idx(app, 'identify', { stateHandle, identifier: who.login })
  return idx(app, 'challenge/answer', { stateHandle, credentials: { passcode: who.password } })
}

/** `who` signs in on the hosted page of the redirect model: the session cookie, and the code's exchange. */
async function signInThroughRedirect(app: FastifyInstance, who = GRACE) {
  const { verifier, challenge } = pkce()
  const { stateToken } = (await authorize(app, { code_challenge: challenge })).json().hostedPageSettings
  const finished = await signIn(app, stateToken, who)
  const back = await followSuccess(app, finished.json())
  const tokens = (await exchange(app, back, verifier)).json()
  return { ...sessionCookie(finished), tokens }
}

const exchange = (app: FastifyInstance, back: URL, verifier: string) =>
  token(app, { grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', code_verifier: verifier, redirect_uri: APP_REDIRECT_URI })

/** `GET /v1/authorize` as the browser sends it, with its cookie. */
function authorizeWith(app: FastifyInstance, cookie: string | undefined, overrides: Record<string, string> = {}) {
  const { challenge, verifier } = pkce()
  const parameters = new URLSearchParams({
    client_id: 'emulator-client',
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: APP_REDIRECT_URI,
    state: 'again',
    nonce: 'second-nonce',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  })
  const response = app.inject({ url: `/oauth2/default/v1/authorize?${parameters}`, headers: cookie ? { cookie } : {} })
  return Object.assign(response, { verifier })
}

const locationOf = (response: Response) => new URL(response.headers.location as string)

describe('Okta’s sign-in session: single sign-on and logout', () => {
  let hook: Awaited<ReturnType<typeof startFakeHook>>
  let app: FastifyInstance

  const logout = (idToken: string, cookie?: string, query: Record<string, string> = {}) =>
    app.inject({ url: `/oauth2/default/v1/logout?${new URLSearchParams({ id_token_hint: idToken, ...query })}`, headers: cookie ? { cookie } : {} })

  beforeEach(async () => {
    hook = await startFakeHook()
    app = await buildEmulator(hook.url, { seedUsers: [GRACE, LINUS] })
  })
  afterEach(() => vi.useRealTimers())

  it('starts a session when the sign-in finishes: an opaque id in an HttpOnly, SameSite=Lax cookie for the authorization server’s paths', async () => {
    const { cookie, attributes } = await signInThroughRedirect(app)
    expect(cookie).toMatch(/^idx=[\w-]{43}$/)
    expect(attributes).toEqual(['Path=/oauth2/default', 'HttpOnly', 'SameSite=Lax'])
  })

  it('marks the cookie Secure when the browser came over https', async () => {
    const local = await buildEmulator(hook.url, { seedUsers: [GRACE] }, { trustProxy: true })
    const { stateToken } = (await authorize(local)).json().hostedPageSettings
    await idx(local, 'identify', { stateHandle: stateToken, identifier: GRACE.login })
    const finished = await local.inject({
      method: 'POST',
      url: '/idp/idx/challenge/answer',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      payload: { stateHandle: stateToken, credentials: { passcode: PASSWORD } },
    })
    expect(sessionCookie(finished).attributes).toContain('Secure')
  })

  it('answers the next authorize of a signed-in browser with a code at once, for the same user, with the new request’s state and nonce', async () => {
    const first = await signInThroughRedirect(app)
    const again = authorizeWith(app, first.cookie)
    const response = await again
    expect(response.statusCode).toBe(302)
    const back = locationOf(response)
    expect(back.origin + back.pathname).toBe(APP_REDIRECT_URI)
    expect(back.searchParams.get('state')).toBe('again')
    const tokens = (await exchange(app, back, again.verifier)).json()
    const [before, after] = [claimsOf(first.tokens.id_token), claimsOf(tokens.id_token)]
    expect(after).toMatchObject({ sub: before.sub, email: GRACE.login, nonce: 'second-nonce' })
    // The time the user signed in, not the time of the silent code.
    expect(after.auth_time).toBe(before.auth_time)
  })

  it('answers prompt=none with a code when signed in, and login_required otherwise', async () => {
    const { cookie } = await signInThroughRedirect(app)
    expect(locationOf(await authorizeWith(app, cookie, { prompt: 'none' })).searchParams.get('code')).toMatch(/^[\w-]{43}$/)
    for (const stranger of [undefined, 'idx=unknown', 'other=1']) {
      const back = locationOf(await authorizeWith(app, stranger, { prompt: 'none' }))
      expect(back.searchParams.get('error')).toBe('login_required')
      expect(back.searchParams.get('state')).toBe('again')
    }
  })

  it('shows the sign-in page for prompt=login even with a session', async () => {
    const { cookie } = await signInThroughRedirect(app)
    const response = await authorizeWith(app, cookie, { prompt: 'login' })
    expect(response.statusCode).toBe(200)
    expect(response.json().hostedPageSettings.stateToken).toMatch(/^02/)
  })

  it('starts the session in the embedded model too, on the answer that gives the widget its interaction code', async () => {
    const { interaction_handle } = (await interact(app, pkce().challenge)).json()
    const { stateHandle } = (await idx(app, 'introspect', { interactionHandle: interaction_handle })).json()
    const finished = await signIn(app, stateHandle, GRACE)
    expect(finished.json().successWithInteractionCode).toBeDefined()
    expect((await authorizeWith(app, sessionCookie(finished).cookie, { prompt: 'none' })).headers.location).toMatch(/[?&]code=/)
  })

  it('ends the session at /v1/logout: the cookie is cleared, the state echoed, and prompt=none answers login_required again', async () => {
    const { cookie, tokens } = await signInThroughRedirect(app)
    const response = await logout(tokens.id_token, cookie, { post_logout_redirect_uri: APP_SIGNED_OUT_URI, state: 'bye' })
    expect(response.statusCode).toBe(302)
    expect(response.headers.location).toBe(`${APP_SIGNED_OUT_URI}?state=bye`)
    expect(sessionCookie(response)).toEqual({ cookie: 'idx=', attributes: ['Max-Age=0', 'Path=/oauth2/default', 'HttpOnly', 'SameSite=Lax'] })
    // The browser would have dropped the cookie; one that kept it gets nothing from it either.
    expect(locationOf(await authorizeWith(app, cookie, { prompt: 'none' })).searchParams.get('error')).toBe('login_required')
  })

  it('leaves the session of another user alone: someone else’s ID token does not sign this browser out', async () => {
    const grace = await signInThroughRedirect(app, GRACE)
    const linus = await signInThroughRedirect(app, LINUS)
    const response = await logout(linus.tokens.id_token, grace.cookie)
    expect(response.headers.location).toBe('/')
    expect(response.headers['set-cookie']).toBeUndefined()
    expect((await authorizeWith(app, grace.cookie, { prompt: 'none' })).headers.location).toMatch(/[?&]code=/)
  })

  it('refuses a bad logout before ending anything', async () => {
    const { cookie, tokens } = await signInThroughRedirect(app)
    const unregistered = await logout(tokens.id_token, cookie, { post_logout_redirect_uri: 'https://evil.example/' })
    expect(unregistered.statusCode).toBe(400)
    expect(unregistered.json().error).toBe('invalid_request')
    expect(unregistered.headers['set-cookie']).toBeUndefined()
    expect((await logout('not-a-token', cookie)).json().error).toBe('invalid_token')
    expect((await authorizeWith(app, cookie, { prompt: 'none' })).headers.location).toMatch(/[?&]code=/)
  })

  it('ends a session unused for two hours, as Okta’s default session policy', async () => {
    const { cookie } = await signInThroughRedirect(app)
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 60 * 60_000 + 1 })
    expect(locationOf(await authorizeWith(app, cookie, { prompt: 'none' })).searchParams.get('error')).toBe('login_required')
  })

  it('keeps at most maxSessions: one more forgets the idlest', async () => {
    const local = await buildEmulator(hook.url, { seedUsers: [GRACE], maxSessions: 2 })
    const cookies = [(await signInThroughRedirect(local)).cookie, (await signInThroughRedirect(local)).cookie]
    // Using the first makes the second the idlest.
    await authorizeWith(local, cookies[0], { prompt: 'none' })
    cookies.push((await signInThroughRedirect(local)).cookie)
    const answers = await Promise.all(cookies.map(async (cookie) => locationOf(await authorizeWith(local, cookie, { prompt: 'none' })).searchParams.has('code')))
    expect(answers).toEqual([true, false, true])
  })
})
