import Fastify, { type FastifyInstance } from 'fastify'
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config/index.ts'
import { allowedProfile, registrationRequest } from '../helpers/hookRequests.ts'
import { buildTestServer, HOOK_SECRET } from '../helpers/server.ts'

const AUDIENCE = 'api://registration-hook'
const request = registrationRequest(allowedProfile)
const post = (app: FastifyInstance, headers: Record<string, string>) =>
  app.inject({ method: 'POST', url: '/hooks/registration', headers, payload: request })

describe('hook authentication with the header secret', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestServer()
  })
  afterAll(() => app.close())

  it('accepts Okta\'s Basic convention in the authorization header', async () => {
    expect((await post(app, { authorization: HOOK_SECRET })).statusCode).toBe(200)
  })

  it.each([
    ['no header', {}],
    ['a wrong secret of the same length', { authorization: HOOK_SECRET.replace('Y', 'Z') }],
    ['a prefix of the secret', { authorization: HOOK_SECRET.slice(0, 10) }],
    ['the secret with a trailing space', { authorization: `${HOOK_SECRET} ` }],
  ])('returns 401 with no detail for %s', async (_, headers) => {
    const response = await post(app, headers)
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({ statusCode: 401, code: 'RK_HOOK_UNAUTHORIZED', error: 'Unauthorized', message: 'Unauthorized' })
  })

  it('checks credentials before reading the body', async () => {
    const response = await app.inject({ method: 'POST', url: '/hooks/registration', headers: { 'content-type': 'application/json' }, payload: '{not json' })
    expect(response.statusCode).toBe(401)
  })

  it('reads the secret from a custom header when HOOK_AUTH_HEADER names one', async () => {
    const custom = await buildTestServer({ env: { HOOK_AUTH_HEADER: 'X-Okta-Secret', HOOK_AUTH_SECRET: 'a-long-shared-secret-value' } })
    expect((await post(custom, { 'x-okta-secret': 'a-long-shared-secret-value' })).statusCode).toBe(200)
    expect((await post(custom, { authorization: 'a-long-shared-secret-value' })).statusCode).toBe(401)
    await custom.close()
  })
})

describe('hook authentication with OAuth 2.0 bearer tokens', () => {
  let issuerServer: FastifyInstance
  let issuer: string
  let app: FastifyInstance
  let privateKey: CryptoKey
  let strangerKey: CryptoKey

  // A local authorization server: metadata pointing at its JWKS, as Okta's issuers publish.
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256')
    privateKey = pair.privateKey
    strangerKey = (await generateKeyPair('RS256')).privateKey
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }
    issuerServer = Fastify()
    issuerServer.get('/oauth2/hooks/.well-known/oauth-authorization-server', async () => ({ issuer, jwks_uri: `${issuer}/v1/keys` }))
    issuerServer.get('/oauth2/hooks/v1/keys', async () => ({ keys: [jwk] }))
    const origin = await issuerServer.listen({ host: '127.0.0.1', port: 0 })
    issuer = `${origin}/oauth2/hooks`
    app = await buildTestServer({
      env: { HOOK_OAUTH_ISSUER: issuer, HOOK_OAUTH_AUDIENCE: AUDIENCE, HOOK_OAUTH_CLIENT_ID: '0oahook', HOOK_OAUTH_SCOPE: 'okta.hooks' },
    })
  })
  afterAll(async () => {
    await app.close()
    await issuerServer.close()
  })

  function token(claims: Record<string, unknown> = {}, options: { key?: CryptoKey; expiresIn?: string | number; audience?: string; issuer?: string } = {}) {
    return new SignJWT({ cid: '0oahook', scp: ['okta.hooks'], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.key ?? privateKey)
  }

  it('accepts a token signed by the issuer\'s key for the configured audience', async () => {
    const response = await post(app, { authorization: `Bearer ${await token()}` })
    expect(response.statusCode).toBe(200)
  })

  it.each([
    ['an expired token', () => token({}, { expiresIn: Math.floor(Date.now() / 1000) - 300 })],
    ['a token for another audience', () => token({}, { audience: 'api://default' })],
    ['a token from another issuer', () => token({}, { issuer: 'https://evil.example.com/oauth2/default' })],
    ['a token signed by another key', () => token({}, { key: strangerKey })],
    ['a token for another client', () => token({ cid: '0oaother' })],
    ['a token without the hook scope', () => token({ scp: ['openid'] })],
  ])('returns 401 for %s', async (_, make) => {
    const response = await post(app, { authorization: `Bearer ${await make()}` })
    expect(response.statusCode).toBe(401)
  })

  it('returns 401 for a token with alg "none"', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')
    const payload = Buffer.from(JSON.stringify({ iss: issuer, aud: AUDIENCE, exp: 9999999999 })).toString('base64url')
    expect((await post(app, { authorization: `Bearer ${header}.${payload}.` })).statusCode).toBe(401)
  })

  it('still accepts the header secret when both methods are configured', async () => {
    expect((await post(app, { authorization: HOOK_SECRET })).statusCode).toBe(200)
  })
})

describe('hook authentication configuration', () => {
  it('refuses to start against a real org without any hook authentication', () => {
    expect(() => loadConfig({ OKTA_ISSUER: 'https://acme.okta.com/oauth2/default', OKTA_CLIENT_ID: '0oa1' })).toThrow(
      /HOOK_AUTH_SECRET: set HOOK_AUTH_SECRET or HOOK_OAUTH_ISSUER/,
    )
  })

  it('generates a per-process secret in offline mode, so the hook is never open', () => {
    const a = loadConfig({}).hookAuth.header?.secret
    const b = loadConfig({}).hookAuth.header?.secret
    expect(a).toMatch(/^[\w-]{40,}$/)
    expect(a).not.toBe(b)
  })
})
