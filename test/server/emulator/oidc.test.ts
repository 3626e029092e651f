import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildEmulator, interact, pkce, registerFully, startFakeHook, token, validProfile } from './helper.ts'

describe('the emulator’s authorization server', () => {
  let hook: Awaited<ReturnType<typeof startFakeHook>>
  let app: FastifyInstance
  let registrations = 0
  const nextProfile = () => ({ ...validProfile, email: `user${++registrations}@example.com` })

  beforeEach(async () => {
    hook = await startFakeHook()
    app = await buildEmulator(hook.url)
  })
  afterEach(() => vi.useRealTimers())

  it('publishes an issuer on the request’s own origin, S256 and the key set', async () => {
    const response = await app.inject({ url: '/oauth2/default/.well-known/openid-configuration', headers: { host: '127.0.0.1:4321' } })
    expect(response.json()).toMatchObject({
      issuer: 'http://127.0.0.1:4321/oauth2/default',
      jwks_uri: 'http://127.0.0.1:4321/oauth2/default/v1/keys',
      code_challenge_methods_supported: ['S256'],
    })
    const { keys } = (await app.inject({ url: '/oauth2/default/v1/keys' })).json()
    expect(keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) })])
    expect(keys[0].d).toBeUndefined()
  })

  it('returns 401 at interact for an unknown client_id', async () => {
    const response = await interact(app, pkce().challenge, { client_id: 'someone-else' })
    expect(response.statusCode).toBe(401)
    expect(response.json().error).toBe('invalid_client')
  })

  it('returns 400 at interact for a redirect_uri that is not registered', async () => {
    const response = await interact(app, pkce().challenge, { redirect_uri: 'https://evil.example/callback' })
    expect(response.statusCode).toBe(400)
  })

  it('returns 400 at interact without an S256 code challenge', async () => {
    const response = await interact(app, pkce().challenge, { code_challenge_method: 'plain' })
    expect(response.statusCode).toBe(400)
  })

  it('returns 400 "PKCE verification failed." for a wrong code_verifier', async () => {
    const code = await registerFully(app, pkce().challenge, nextProfile())
    const response = await token(app, { code_verifier: pkce().verifier, interaction_code: code })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: 'invalid_grant', error_description: 'PKCE verification failed.' })
  })

  it('accepts an interaction code only once', async () => {
    const { verifier, challenge } = pkce()
    const code = await registerFully(app, challenge, nextProfile())
    expect((await token(app, { code_verifier: verifier, interaction_code: code })).statusCode).toBe(200)
    const again = await token(app, { code_verifier: verifier, interaction_code: code })
    expect(again.statusCode).toBe(400)
    expect(again.json().error).toBe('invalid_grant')
  })

  it('rejects an interaction code after a minute', async () => {
    const { verifier, challenge } = pkce()
    const code = await registerFully(app, challenge, nextProfile())
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 })
    const response = await token(app, { code_verifier: verifier, interaction_code: code })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toBe('invalid_grant')
  })

  it('rejects a redirect_uri at the token endpoint that differs from interact', async () => {
    const { verifier, challenge } = pkce()
    const code = await registerFully(app, challenge, nextProfile())
    const response = await token(app, { code_verifier: verifier, interaction_code: code, redirect_uri: 'http://localhost/other' })
    expect(response.statusCode).toBe(400)
  })

  it('returns 400 JSON for a malformed token request and 404 JSON for unknown routes', async () => {
    const bad = await token(app, { interaction_code: 'x' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toBe('invalid_request')
    const missing = await app.inject({ url: '/oauth2/default/v1/device/authorize' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error).toBe('invalid_request')
  })
})
