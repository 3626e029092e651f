import type { FastifyInstance } from 'fastify'
import * as oidc from 'openid-client'
import { beforeEach, describe, expect, it } from 'vitest'
import { buildEmulator, CLIENT_ID, pkce, registerThroughRedirect, startFakeHook, validProfile } from './helper.ts'

describe('token revocation (RFC 7009) and introspection (RFC 7662), through openid-client', () => {
  let hook: Awaited<ReturnType<typeof startFakeHook>>
  let app: FastifyInstance
  let config: oidc.Configuration
  let count = 0

  /** A registration through the redirect model, its code exchanged by openid-client over HTTP: the tokens. */
  async function signedIn() {
    const { verifier, challenge } = pkce()
    const back = await registerThroughRedirect(app, challenge, { ...validProfile, email: `revoke${++count}@example.com` }, 'openid profile email offline_access')
    return oidc.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier, expectedState: 'app-state', expectedNonce: 'app-nonce' })
  }
  const form = (fields: Record<string, string>) => ({
    method: 'POST' as const,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  })

  beforeEach(async () => {
    hook = await startFakeHook()
    app = await buildEmulator(hook.url)
    const origin = await app.listen({ host: '127.0.0.1', port: 0 })
    config = await oidc.discovery(new URL(`${origin}/oauth2/default`), CLIENT_ID, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] })
  })

  it('lists both endpoints in discovery, for a client that authenticates with its id alone', () => {
    const metadata = config.serverMetadata()
    expect(metadata.revocation_endpoint).toMatch(/\/oauth2\/default\/v1\/revoke$/)
    expect(metadata.introspection_endpoint).toMatch(/\/oauth2\/default\/v1\/introspect$/)
    expect(metadata).toMatchObject({ revocation_endpoint_auth_methods_supported: ['none'], introspection_endpoint_auth_methods_supported: ['none'] })
  })

  it('introspects a live access token and refresh token of the client: who, what scope, until when', async () => {
    const tokens = await signedIn()
    const claims = tokens.claims()!
    const access = await oidc.tokenIntrospection(config, tokens.access_token)
    expect(access).toMatchObject({
      active: true,
      token_type: 'Bearer',
      scope: 'openid profile email offline_access',
      client_id: CLIENT_ID,
      username: claims.email,
      uid: claims.sub,
      aud: 'api://default',
      exp: expect.any(Number),
    })
    const refresh = await oidc.tokenIntrospection(config, tokens.refresh_token!, { token_type_hint: 'refresh_token' })
    expect(refresh).toMatchObject({ active: true, scope: 'openid profile email offline_access', client_id: CLIENT_ID, uid: claims.sub })
    expect(refresh.exp! * 1000).toBeGreaterThan(Date.now() + 6 * 24 * 60 * 60_000)
  })

  it('revokes an access token: introspection says inactive and userinfo refuses it, while the refresh token still works', async () => {
    const tokens = await signedIn()
    await oidc.tokenRevocation(config, tokens.access_token, { token_type_hint: 'access_token' })
    expect(await oidc.tokenIntrospection(config, tokens.access_token)).toEqual({ active: false })
    await expect(oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub)).rejects.toMatchObject({ status: 401 })
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!)
    expect(refreshed.access_token).toEqual(expect.any(String))
  })

  it('revokes a refresh token: introspection says inactive and the refresh grant refuses it', async () => {
    const tokens = await signedIn()
    await oidc.tokenRevocation(config, tokens.refresh_token!)
    expect(await oidc.tokenIntrospection(config, tokens.refresh_token!)).toEqual({ active: false })
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' })
  })

  it('answers an unknown token, an ID token and a revoked one as RFCs say: inactive, and revoked again without an error', async () => {
    const tokens = await signedIn()
    for (const token of ['not-a-token', tokens.id_token!]) {
      expect(await oidc.tokenIntrospection(config, token)).toEqual({ active: false })
      await oidc.tokenRevocation(config, token)
    }
  })

  it.each(['/v1/revoke', '/v1/introspect'])('%s refuses an unauthenticated client with 401 invalid_client and bad input with a 400 naming it', async (path) => {
    const url = `/oauth2/default${path}`
    const unauthenticated: Array<Record<string, string>> = [{ token: 'x' }, { client_id: 'someone-else', token: 'x' }]
    for (const fields of unauthenticated) {
      const response = await app.inject({ url, ...form(fields) })
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed.' })
    }
    const cases: Array<[string, string]> = [
      [`client_id=${CLIENT_ID}`, 'token'],
      [`client_id=${CLIENT_ID}&token=x&token_type_hint=device_secret`, 'token_type_hint'],
      [`client_id=${CLIENT_ID}&token=x&token=y`, 'token'],
    ]
    for (const [payload, field] of cases) {
      const response = await app.inject({ url, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toEqual({ error: 'invalid_request', error_description: `The '${field}' parameter is missing or invalid.` })
    }
  })
})
