import type { FastifyInstance } from 'fastify'
import { createLocalJWKSet, jwtVerify } from 'jose'
import { beforeEach, describe, expect, it } from 'vitest'
import { HOOK_SECRET } from '../../helpers/server.ts'
import { buildEmulator, idx, pkce, registerFully, startFakeHook, token, validProfile } from './helper.ts'

describe('a whole registration against the emulator', () => {
  let hook: Awaited<ReturnType<typeof startFakeHook>>
  let app: FastifyInstance

  beforeEach(async () => {
    hook = await startFakeHook()
    hook.respond(() => ({ commands: [{ type: 'com.okta.user.profile.update', value: { department: 'Engineering', termsVersion: '2026-01', termsAcceptedAt: '2026-01-02T03:04:05.000Z' } }] }))
    app = await buildEmulator(hook.url)
  })

  it('issues signed tokens whose claims carry the profile the hook updated', async () => {
    const { verifier, challenge } = pkce()
    const code = await registerFully(app, challenge)
    const response = await token(app, { code_verifier: verifier, interaction_code: code })
    expect(response.statusCode).toBe(200)
    const tokens = response.json()
    expect(tokens.state).toBeUndefined()
    const { issuer } = (await app.inject({ url: '/oauth2/default/.well-known/openid-configuration' })).json()
    const jwks = createLocalJWKSet((await app.inject({ url: '/oauth2/default/v1/keys' })).json())
    const { payload } = await jwtVerify(tokens.id_token, jwks, { issuer, audience: 'emulator-client' })
    expect(payload).toMatchObject({
      name: 'Ada Lovelace',
      email: validProfile.email,
      department: 'Engineering',
      termsVersion: '2026-01',
      termsAcceptedAt: '2026-01-02T03:04:05.000Z',
      nonce: 'n',
    })
    expect(payload.termsAccepted).toBeUndefined()
  })

  it('sends the hook Okta\'s request with the header secret and without the password', async () => {
    await registerFully(app, pkce().challenge)
    const call = hook.calls.at(-1)!
    expect(call.headers.authorization).toBe(HOOK_SECRET)
    expect(call.body).toMatchObject({
      eventType: 'com.okta.user.pre-registration',
      requestType: 'self.service.registration',
      data: { context: { request: { method: 'POST', url: { value: '/idp/idx/enroll/new' } } }, action: 'ALLOW', userProfile: { ...validProfile, login: validProfile.email } },
    })
    expect(typeof call.body.eventId).toBe('string')
    expect(JSON.stringify(call.body)).not.toContain('Correct-Horse-9')
  })

  it('returns the same state with one stateHandle everywhere on introspect', async () => {
    const { challenge } = pkce()
    const { interaction_handle } = (await app.inject({ method: 'POST', url: '/oauth2/default/v1/interact', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ client_id: 'emulator-client', redirect_uri: 'http://localhost/login/callback', code_challenge: challenge, code_challenge_method: 'S256' }).toString() })).json()
    const first = (await idx(app, 'introspect', { interactionHandle: interaction_handle })).json()
    const handles = new Set(JSON.stringify(first).match(/"value":"02[^"]+"/g))
    expect(handles.size).toBe(1)
    expect(first.version).toBe('1.0.0')
    expect(first.remediation.value.map((r: { name: string }) => r.name)).toEqual(['identify', 'select-enroll-profile'])
  })
})
