import type { FastifyInstance } from 'fastify'
import { generateKeyPair, SignJWT } from 'jose'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  APP_REDIRECT_URI,
  APP_SIGNED_OUT_URI,
  authorize,
  buildEmulator,
  CLIENT_ID,
  idx,
  pkce,
  registerFully,
  registerThroughRedirect,
  startFakeHook,
  token,
  validProfile,
} from './helper.ts'

const STAMPS = { department: 'Engineering', termsVersion: '2026-01', termsAcceptedAt: '2026-01-02T03:04:05.000Z' }

describe('the redirect model: /v1/authorize, the hosted page’s success, the code, userinfo and logout', () => {
  let hook: Awaited<ReturnType<typeof startFakeHook>>
  let app: FastifyInstance
  let count = 0
  const someone = () => ({ ...validProfile, email: `redirect${++count}@example.com` })

  /** A registration through the redirect model, exchanged: the token answer. */
  async function signedIn(scope?: string) {
    const { verifier, challenge } = pkce()
    const back = await registerThroughRedirect(app, challenge, someone(), scope)
    const code = back.searchParams.get('code')!
    return (await codeExchange({ code, code_verifier: verifier })).json()
  }
  const codeExchange = (fields: Record<string, string>) =>
    token(app, { grant_type: 'authorization_code', redirect_uri: APP_REDIRECT_URI, ...fields })
  const userinfo = (authorization?: string) => app.inject({ url: '/oauth2/default/v1/userinfo', headers: authorization ? { authorization } : {} })

  beforeEach(async () => {
    hook = await startFakeHook()
    hook.respond(() => ({ commands: [{ type: 'com.okta.user.profile.update', value: STAMPS }] }))
    app = await buildEmulator(hook.url)
  })
  afterEach(() => vi.useRealTimers())

  describe('GET /v1/authorize', () => {
    it('starts a transaction and answers with the hosted page running the widget on its state token, as Okta’s page does', async () => {
      const response = await authorize(app)
      expect(response.statusCode).toBe(200)
      const settings = response.json().hostedPageSettings
      expect(settings).toEqual({ baseUrl: 'http://localhost:80', stateToken: expect.stringMatching(/^02/), authScheme: 'OAUTH2', features: { registration: true } })
      const state = (await idx(app, 'introspect', { stateToken: settings.stateToken })).json()
      expect(state.remediation.value.map((r: { name: string }) => r.name)).toEqual(['identify', 'select-enroll-profile'])
    })

    it.each([
      ['no client_id', { client_id: undefined }, 'invalid_client'],
      ['an unknown client_id', { client_id: 'someone-else' }, 'invalid_client'],
      ['no redirect_uri', { redirect_uri: undefined }, 'invalid_request'],
      ['an unregistered redirect_uri', { redirect_uri: 'https://evil.example/callback' }, 'invalid_request'],
      ['a registered redirect_uri with something added', { redirect_uri: `${APP_REDIRECT_URI}?next=/` }, 'invalid_request'],
    ])('answers %s with a 400 and sends the browser nowhere', async (_case, overrides, error) => {
      const response = await authorize(app, overrides)
      expect(response.statusCode).toBe(400)
      expect(response.headers.location).toBeUndefined()
      expect(response.json().error).toBe(error)
    })

    it('answers a repeated redirect_uri with a 400, not a redirect to either', async () => {
      const response = await app.inject({ url: `/oauth2/default/v1/authorize?client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(APP_REDIRECT_URI)}&redirect_uri=https%3A%2F%2Fevil.example%2F` })
      expect(response.statusCode).toBe(400)
      expect(response.headers.location).toBeUndefined()
    })

    it.each([
      ['no response_type', { response_type: undefined }, 'invalid_request'],
      ['the implicit flow', { response_type: 'token' }, 'unsupported_response_type'],
      ['a fragment response', { response_mode: 'fragment' }, 'unsupported_response_mode'],
      ['no scope', { scope: undefined }, 'invalid_scope'],
      ['an unknown scope', { scope: 'openid admin' }, 'invalid_scope'],
      ['no PKCE', { code_challenge: undefined }, 'invalid_request'],
      ['PKCE plain', { code_challenge_method: 'plain' }, 'invalid_request'],
      ['a malformed code_challenge', { code_challenge: 'short' }, 'invalid_request'],
      ['an unknown prompt', { prompt: 'maybe' }, 'invalid_request'],
      ['prompt=none without a session', { prompt: 'none' }, 'login_required'],
    ])('sends %s back to the redirect URI as an OAuth error with the state', async (_case, overrides, error) => {
      const response = await authorize(app, overrides)
      expect(response.statusCode).toBe(302)
      const back = new URL(response.headers.location as string)
      expect(back.origin + back.pathname).toBe(APP_REDIRECT_URI)
      expect(back.searchParams.get('error')).toBe(error)
      expect(back.searchParams.get('error_description')).toEqual(expect.any(String))
      expect(back.searchParams.get('state')).toBe('app-state')
    })

    it('sends a request without state back as invalid_request', async () => {
      const back = new URL((await authorize(app, { state: undefined })).headers.location as string)
      expect(back.searchParams.get('error')).toBe('invalid_request')
      expect(back.searchParams.has('state')).toBe(false)
    })

    it('shows the sign-in page for prompt=login', async () => {
      expect((await authorize(app, { prompt: 'login' })).statusCode).toBe(200)
    })
  })

  describe('the end of the hosted page and the code', () => {
    it('ends the transaction with Okta’s success link, which sends the browser back with a code and the state', async () => {
      const { challenge } = pkce()
      const back = await registerThroughRedirect(app, challenge, someone())
      expect(back.origin + back.pathname).toBe(APP_REDIRECT_URI)
      expect(back.searchParams.get('state')).toBe('app-state')
      expect(back.searchParams.get('code')).toMatch(/^[\w-]{43}$/)
    })

    it('answers 400 to an unknown state token, a transaction not finished and one of the embedded model', async () => {
      const unfinished = (await authorize(app)).json().hostedPageSettings.stateToken
      const { interaction_handle } = (await app.inject({ method: 'POST', url: '/oauth2/default/v1/interact', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: 'http://localhost/login/callback', code_challenge: pkce().challenge, code_challenge_method: 'S256' }).toString() })).json()
      const embedded = (await idx(app, 'introspect', { interactionHandle: interaction_handle })).json().stateHandle
      for (const stateToken of ['nope', unfinished, embedded]) {
        const response = await app.inject({ url: `/login/token/redirect?stateToken=${stateToken}` })
        expect(response.statusCode).toBe(400)
        expect(response.headers.location).toBeUndefined()
      }
    })

    it('exchanges the code once, with PKCE, for signed tokens carrying the nonce and the hook’s stamps; no refresh token without offline_access', async () => {
      const { verifier, challenge } = pkce()
      const code = (await registerThroughRedirect(app, challenge, someone())).searchParams.get('code')!
      const response = await codeExchange({ code, code_verifier: verifier })
      expect(response.statusCode).toBe(200)
      const tokens = response.json()
      expect(tokens).toMatchObject({ token_type: 'Bearer', scope: 'openid profile email', id_token: expect.any(String) })
      expect(tokens.refresh_token).toBeUndefined()
      const claims = JSON.parse(Buffer.from(tokens.id_token.split('.')[1], 'base64url').toString())
      expect(claims).toMatchObject({ aud: CLIENT_ID, nonce: 'app-nonce', ...STAMPS })
      const again = await codeExchange({ code, code_verifier: verifier })
      expect(again.json().error).toBe('invalid_grant')
    })

    it.each([
      ['a wrong code_verifier', (code: string) => ({ code, code_verifier: pkce().verifier }), 400, 'invalid_grant'],
      ['another redirect_uri', (code: string, verifier: string) => ({ code, code_verifier: verifier, redirect_uri: 'http://localhost/login/callback' }), 400, 'invalid_grant'],
      ['another client', (code: string, verifier: string) => ({ code, code_verifier: verifier, client_id: 'someone-else' }), 401, 'invalid_client'],
      ['the code as an interaction code', (code: string, verifier: string) => ({ grant_type: 'interaction_code', interaction_code: code, code_verifier: verifier }), 400, 'invalid_grant'],
      ['no code', (_code: string, verifier: string) => ({ code_verifier: verifier }), 400, 'invalid_request'],
    ])('refuses the code with %s', async (_case, fields, status, error) => {
      const { verifier, challenge } = pkce()
      const code = (await registerThroughRedirect(app, challenge, someone())).searchParams.get('code')!
      const response = await codeExchange(fields(code, verifier))
      expect(response.statusCode).toBe(status)
      expect(response.json().error).toBe(error)
    })

    it('refuses an interaction code at the authorization code grant', async () => {
      const { verifier, challenge } = pkce()
      const code = await registerFully(app, challenge, someone())
      expect((await codeExchange({ code, code_verifier: verifier, redirect_uri: 'http://localhost/login/callback' })).json().error).toBe('invalid_grant')
    })

    it('refuses a code after a minute', async () => {
      const { verifier, challenge } = pkce()
      const code = (await registerThroughRedirect(app, challenge, someone())).searchParams.get('code')!
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 })
      expect((await codeExchange({ code, code_verifier: verifier })).json().error).toBe('invalid_grant')
    })

    it('answers an unknown grant type with unsupported_grant_type and a missing one with invalid_request', async () => {
      expect((await token(app, { grant_type: 'password' })).json().error).toBe('unsupported_grant_type')
      const missing = await app.inject({ method: 'POST', url: '/oauth2/default/v1/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'client_id=x' })
      expect(missing.json().error).toBe('invalid_request')
    })
  })

  describe('refresh tokens', () => {
    it('issues one for offline_access and refreshes with it, never widening the scope', async () => {
      const tokens = await signedIn('openid profile email offline_access')
      expect(tokens.refresh_token).toEqual(expect.any(String))
      const refreshed = await token(app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
      expect(refreshed.statusCode).toBe(200)
      const claims = JSON.parse(Buffer.from(refreshed.json().id_token.split('.')[1], 'base64url').toString())
      expect(claims.nonce).toBeUndefined()
      expect(claims.department).toBe('Engineering')
      const narrowed = await token(app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, scope: 'openid' })
      expect(narrowed.json().scope).toBe('openid')
      const widened = await token(app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, scope: 'openid phone' })
      expect(widened.json().error).toBe('invalid_scope')
    })

    it('refuses an unknown refresh token and one of another client', async () => {
      const tokens = await signedIn('openid offline_access')
      expect((await token(app, { grant_type: 'refresh_token', refresh_token: 'nope' })).json().error).toBe('invalid_grant')
      const other = await token(app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: 'someone-else' })
      expect(other.statusCode).toBe(401)
    })
  })

  describe('GET /v1/userinfo', () => {
    it('returns the profile claims, with the department and the consent stamps, for the access token; POST too', async () => {
      const tokens = await signedIn()
      const response = await userinfo(`Bearer ${tokens.access_token}`)
      expect(response.statusCode).toBe(200)
      expect(response.json()).toMatchObject({ sub: expect.stringMatching(/^00u/), name: 'Ada Lovelace', email_verified: true, ...STAMPS })
      const posted = await app.inject({ method: 'POST', url: '/oauth2/default/v1/userinfo', headers: { authorization: `Bearer ${tokens.access_token}` } })
      expect(posted.json()).toEqual(response.json())
    })

    it('gives only the email scope’s claims for openid email', async () => {
      const tokens = await signedIn('openid email')
      const claims = (await userinfo(`Bearer ${tokens.access_token}`)).json()
      expect(Object.keys(claims).sort()).toEqual(['email', 'email_verified', 'sub'])
    })

    it('answers 401 with a Bearer challenge without a token, with a malformed one and with one signed by another key', async () => {
      const { privateKey } = await generateKeyPair('RS256')
      const forged = await new SignJWT({ uid: 'x', scp: ['openid'] }).setProtectedHeader({ alg: 'RS256' }).setIssuer('http://localhost:80/oauth2/default').setAudience('api://default').setExpirationTime('1h').sign(privateKey)
      for (const authorization of [undefined, 'Bearer not-a-jwt', 'Basic abc', `Bearer ${forged}`]) {
        const response = await userinfo(authorization)
        expect(response.statusCode).toBe(401)
        expect(response.headers['www-authenticate']).toMatch(/^Bearer error="invalid_(request|token)"/)
      }
    })

    it('answers 403 insufficient_scope to a token without openid', async () => {
      const tokens = await signedIn('profile')
      expect(tokens.id_token).toBeUndefined()
      const response = await userinfo(`Bearer ${tokens.access_token}`)
      expect(response.statusCode).toBe(403)
      expect(response.json().error).toBe('insufficient_scope')
    })
  })

  describe('GET /v1/logout', () => {
    const logout = (query: Record<string, string>) => app.inject({ url: `/oauth2/default/v1/logout?${new URLSearchParams(query)}` })

    it('sends the browser to a registered sign-out redirect URI with the state, or to this origin', async () => {
      const { id_token } = await signedIn()
      const back = await logout({ id_token_hint: id_token, post_logout_redirect_uri: APP_SIGNED_OUT_URI, state: 'bye' })
      expect(back.statusCode).toBe(302)
      expect(back.headers.location).toBe(`${APP_SIGNED_OUT_URI}?state=bye`)
      expect((await logout({ id_token_hint: id_token })).headers.location).toBe('/')
    })

    it('answers 400 without an ID token hint, with a bad one, and for an unregistered redirect URI', async () => {
      const { id_token } = await signedIn()
      const queries: Array<Record<string, string>> = [{}, { id_token_hint: 'nope' }, { id_token_hint: id_token, post_logout_redirect_uri: 'https://evil.example/' }]
      for (const query of queries) {
        const response = await logout(query)
        expect(response.statusCode).toBe(400)
        expect(response.headers.location).toBeUndefined()
      }
    })
  })

  it('lists in discovery exactly the endpoints it serves, and only working grants and response types', async () => {
    const discovery = (await app.inject({ url: '/oauth2/default/.well-known/openid-configuration' })).json()
    expect(discovery).toMatchObject({
      authorization_endpoint: 'http://localhost:80/oauth2/default/v1/authorize',
      userinfo_endpoint: 'http://localhost:80/oauth2/default/v1/userinfo',
      end_session_endpoint: 'http://localhost:80/oauth2/default/v1/logout',
      revocation_endpoint: 'http://localhost:80/oauth2/default/v1/revoke',
      introspection_endpoint: 'http://localhost:80/oauth2/default/v1/introspect',
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'interaction_code'],
    })
    const posted = ['token_endpoint', 'revocation_endpoint', 'introspection_endpoint']
    for (const name of ['authorization_endpoint', 'userinfo_endpoint', 'jwks_uri', 'end_session_endpoint', ...posted]) {
      const url = new URL(discovery[name])
      const method = posted.includes(name) ? 'POST' : 'GET'
      expect((await app.inject({ method, url: url.pathname, ...(method === 'POST' ? { payload: {} } : {}) })).statusCode).not.toBe(404)
    }
  })
})
