import { createRemoteJWKSet, jwtVerify } from 'jose'
import * as oidc from 'openid-client'
import type { Page } from 'playwright'
import { describe, expect, it } from 'vitest'
import { EMULATOR_CLIENT_ID } from '../../server/config/index.ts'
import { openSignUp, registerWithPicker, registrant, signInWithPassword, waitForForm } from './flows.ts'
import { GENERATIONS, usersFile, useBrowserSuite } from './harness.ts'

/** An app developer's own callback, registered with EMULATOR_REDIRECT_URIS; the browser never really reaches it. */
const RP_CALLBACK = 'http://rp.example/callback'

/** A returning user, as an operator seeds one with EMULATOR_USERS. */
const GRACE = { login: 'grace@example.com', password: 'Seeded-Pass-1', profile: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', department: 'Engineering' } }

describe.each(GENERATIONS)('the redirect model on the %s widget, in real Chromium: apps send the user to the Okta-hosted page', (generation) => {
  const { servers, open } = useBrowserSuite({
    standard: { generation, env: { EMULATOR_REDIRECT_URIS: RP_CALLBACK, EMULATOR_USERS: usersFile([GRACE]) } },
  })

  it('registers on the hosted page with the snippet’s picker and consent, and comes back to the app with a code that gives tokens and userinfo', async () => {
    const { page } = await open(`${servers.standard.url}/app`)
    const codes: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.pathname === '/app/callback') codes.push(url.searchParams.get('code') ?? '')
    })
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/oauth2\/default\/v1\/authorize\?/)
    // Okta's hosted template, with the brand's snippet attached to its widget.
    expect(await page.locator('#okta-login-container').count()).toBe(1)
    await openSignUp(page)
    expect(await page.locator('style[data-rk-styles]').count()).toBe(1)

    const who = registrant()
    await registerWithPicker(page, servers.standard.url, who)

    await page.waitForURL(/\/app\/callback\?/, { timeout: 15_000 })
    expect(codes).toEqual([expect.stringMatching(/^[\w-]{43}$/)])
    expect(await page.locator('#user').textContent()).toBe(who.email)
    const claims = JSON.parse((await page.locator('#claims').textContent()) ?? '{}')
    expect(claims).toMatchObject({
      sub: expect.stringMatching(/^00u/),
      email: who.email,
      name: 'Ada Lovelace',
      department: 'Payroll',
      termsVersion: expect.any(String),
      termsAcceptedAt: expect.any(String),
    })
    expect(claims.termsAccepted).toBeUndefined()

    // The code was spent by the app: a reload of the callback gets no second set of tokens.
    await page.reload()
    expect(await page.getByRole('alert').textContent()).toContain('not started here')
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
  })

  /** Sends the browser to `url` and returns where the issuer sent it back on the RP's callback. */
  async function signInThroughBrowser(url: URL, act: (page: Page) => Promise<void>): Promise<URL> {
    const { context, page } = await open('about:blank')
    let callback: URL | undefined
    await context.route((url) => url.href.startsWith(RP_CALLBACK), (route) => {
      callback = new URL(route.request().url())
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'back at the app' })
    })
    await page.goto(url.href)
    await act(page)
    await expect.poll(() => callback, { timeout: 15_000 }).toBeDefined()
    return callback!
  }

  it('openid-client, a maintained OIDC relying party, runs discovery, authorization code with PKCE, the token and refresh grants, the ID token checks and userinfo', async () => {
    // Plain http on 127.0.0.1: allowed explicitly, as an RP does for local development.
    const config = await oidc.discovery(new URL(`${servers.standard.url}/oauth2/default`), EMULATOR_CLIENT_ID, undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    })
    const metadata = config.serverMetadata()
    expect(metadata.supportsPKCE()).toBe(true)

    const verifier = oidc.randomPKCECodeVerifier()
    const state = oidc.randomState()
    const nonce = oidc.randomNonce()
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: RP_CALLBACK,
      scope: 'openid profile email offline_access',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    const who = registrant()
    const callback = await signInThroughBrowser(authorizationUrl, async (page) => {
      await openSignUp(page)
      await registerWithPicker(page, servers.standard.url, who)
    })

    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true })
    // openid-client checked iss, aud, exp, iat and the nonce; the signature is checked here against jwks_uri.
    const claims = tokens.claims()!
    await jwtVerify(tokens.id_token!, createRemoteJWKSet(new URL(metadata.jwks_uri!)), { issuer: metadata.issuer, audience: EMULATOR_CLIENT_ID })
    expect(claims).toMatchObject({ email: who.email, department: 'Payroll', nonce })
    expect(tokens.refresh_token).toEqual(expect.any(String))

    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
    expect(userinfo).toMatchObject({ sub: claims.sub, email: who.email, department: 'Payroll', termsVersion: expect.any(String), termsAcceptedAt: expect.any(String) })

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!)
    expect(refreshed.claims()).toMatchObject({ sub: claims.sub, department: 'Payroll' })
    expect(refreshed.claims()!.nonce).toBeUndefined()
  })

  it('openid-client gets the OAuth error back on its callback for a request Okta refuses', async () => {
    const config = await oidc.discovery(new URL(`${servers.standard.url}/oauth2/default`), EMULATOR_CLIENT_ID, undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    })
    const state = oidc.randomState()
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: RP_CALLBACK, scope: 'openid', state, code_challenge_method: 'S256' })
    // No page to show: the issuer answers with the redirect at once.
    const answer = await fetch(url, { redirect: 'manual' })
    expect(answer.status).toBe(302)
    const callback = new URL(answer.headers.get('location')!)
    expect(callback.origin + callback.pathname).toBe(RP_CALLBACK)
    await expect(oidc.authorizationCodeGrant(config, callback, { expectedState: state, pkceCodeVerifier: 'x'.repeat(43) })).rejects.toMatchObject({
      error: 'invalid_request',
    })
  })

  it('keeps the user signed in at Okta: the app’s next sign-in and prompt=none come back without the sign-in page, until Sign out ends the session', async () => {
    const { context, page } = await open(`${servers.standard.url}/app`)
    /** How /v1/authorize answered each of the browser's visits: the hosted page (200) or a redirect back at once (302). */
    const authorizeAnswers: number[] = []
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/oauth2/default/v1/authorize') authorizeAnswers.push(response.status())
    })
    // Okta's session cookie, not the widget's own (Gen2 remembers the username in `ln`).
    const sessionCookies = async () => (await context.cookies(`${servers.standard.url}/oauth2/default/v1/authorize`)).filter(({ name }) => name === 'idx')
    const signedInAs = () => page.locator('#user').textContent()

    await page.getByRole('button', { name: 'Sign in' }).click()
    await signInWithPassword(page, GRACE.login, GRACE.password)
    await page.waitForURL(/\/app\/callback\?/, { timeout: 15_000 })
    expect(await signedInAs()).toBe(GRACE.login)
    expect(await sessionCookies()).toEqual([expect.objectContaining({ name: 'idx', httpOnly: true, sameSite: 'Lax', path: '/oauth2/default', secure: false })])

    // Another app of the same org asks without showing anything (openid-client, prompt=none), with this browser's cookie.
    const config = await oidc.discovery(new URL(`${servers.standard.url}/oauth2/default`), EMULATOR_CLIENT_ID, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] })
    const silently = async () => {
      const verifier = oidc.randomPKCECodeVerifier()
      const state = oidc.randomState()
      const url = oidc.buildAuthorizationUrl(config, { redirect_uri: RP_CALLBACK, scope: 'openid email', state, prompt: 'none', code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' })
      const cookie = (await sessionCookies()).map(({ name, value }) => `${name}=${value}`).join('; ')
      const answer = await fetch(url, { redirect: 'manual', headers: { cookie } })
      return { callback: new URL(answer.headers.get('location')!), verifier, state }
    }
    const silent = await silently()
    const tokens = await oidc.authorizationCodeGrant(config, silent.callback, { pkceCodeVerifier: silent.verifier, expectedState: silent.state })
    expect(tokens.claims()).toMatchObject({ email: GRACE.login })

    // The sample app again: no sign-in page, straight back with a code.
    await page.goto(`${servers.standard.url}/app`)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/app\/callback\?/, { timeout: 15_000 })
    expect(await signedInAs()).toBe(GRACE.login)
    expect(authorizeAnswers).toEqual([200, 302])

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(`${servers.standard.url}/app`)
    expect(await sessionCookies()).toEqual([])
    expect((await silently()).callback.searchParams.get('error')).toBe('login_required')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await waitForForm(page, 'identifier')
    expect(authorizeAnswers).toEqual([200, 302, 200])
  })
})
