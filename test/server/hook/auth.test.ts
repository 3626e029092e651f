import Fastify, { type FastifyInstance } from 'fastify'
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { loadConfig } from '../../../server/config/index.ts'
import { ISSUER_COOLDOWN_MS } from '../../../server/hook/auth.ts'
import { allowedProfile, registrationRequest } from '../../helpers/hookRequests.ts'
import { buildTestServer, HOOK_SECRET } from '../../helpers/server.ts'

const AUDIENCE = 'api://registration-hook'
const BOOT_ISSUER = 'http://127.0.0.1:9/oauth2/hooks'
const request = registrationRequest(allowedProfile)
const post = (app: FastifyInstance, headers: Record<string, string>) =>
  app.inject({ method: 'POST', url: '/hooks/registration', headers, payload: request })

describe('hook authentication with the header secret', () => {
  it('accepts Okta\'s Basic convention in the authorization header', async () => {
    expect((await post(await buildTestServer(), { authorization: HOOK_SECRET })).statusCode).toBe(200)
  })

  it.each([
    ['no header', {}],
    ['a wrong secret of the same length', { authorization: HOOK_SECRET.replace('Y', 'Z') }],
    ['a prefix of the secret', { authorization: HOOK_SECRET.slice(0, 10) }],
    ['the secret with a trailing space', { authorization: `${HOOK_SECRET} ` }],
  ])('returns 401 with no detail for %s', async (_, headers) => {
    const response = await post(await buildTestServer(), headers)
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({ statusCode: 401, code: 'RK_HOOK_UNAUTHORIZED', error: 'Unauthorized', message: 'Unauthorized' })
  })

  it('checks credentials before reading the body', async () => {
    const app = await buildTestServer()
    const response = await app.inject({ method: 'POST', url: '/hooks/registration', headers: { 'content-type': 'application/json' }, payload: '{not json' })
    expect(response.statusCode).toBe(401)
  })

  it('reads the secret from a custom header when HOOK_AUTH_HEADER names one', async () => {
    const custom = await buildTestServer({ env: { HOOK_AUTH_HEADER: 'X-Okta-Secret', HOOK_AUTH_SECRET: 'a-long-shared-secret-value' } })
    expect((await post(custom, { 'x-okta-secret': 'a-long-shared-secret-value' })).statusCode).toBe(200)
    expect((await post(custom, { authorization: 'a-long-shared-secret-value' })).statusCode).toBe(401)
  })
})

/**
 * A local authorization server on 127.0.0.1, as Okta's issuers publish one: metadata pointing at its JWKS. It
 * counts the calls it gets, answers 503 while told it is down, and closes when the test ends.
 */
async function startIssuer() {
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }
  const calls = { metadata: 0, keys: 0 }
  const down = { metadata: false, keys: false }
  const server = Fastify()
  server.get('/oauth2/hooks/.well-known/oauth-authorization-server', async (_request, reply) => {
    calls.metadata++
    return down.metadata ? reply.code(503).send() : { issuer, jwks_uri: `${issuer}/v1/keys` }
  })
  server.get('/oauth2/hooks/v1/keys', async (_request, reply) => {
    calls.keys++
    return down.keys ? reply.code(503).send() : { keys: [jwk] }
  })
  onTestFinished(() => server.close())
  const issuer = `${await server.listen({ host: '127.0.0.1', port: 0 })}/oauth2/hooks`

  type TokenOptions = { key?: CryptoKey; kid?: string; expiresIn?: string | number; audience?: string; issuer?: string }
  const token = (claims: Record<string, unknown> = {}, options: TokenOptions = {}) =>
    new SignJWT({ cid: '0oahook', scp: ['okta.hooks'], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1' })
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.key ?? privateKey)
  const env = { HOOK_OAUTH_ISSUER: issuer, HOOK_OAUTH_AUDIENCE: AUDIENCE, HOOK_OAUTH_CLIENT_ID: '0oahook', HOOK_OAUTH_SCOPE: 'okta.hooks' }
  return { issuer, env, token, calls, down }
}

type Issuer = Awaited<ReturnType<typeof startIssuer>>

/** A server checking the bearer tokens of a fresh issuer. */
async function withIssuer() {
  const issuer = await startIssuer()
  return { issuer, app: await buildTestServer({ env: issuer.env }) }
}

describe('hook authentication with OAuth 2.0 bearer tokens', () => {
  it('accepts a token signed by the issuer\'s key for the configured audience', async () => {
    const { issuer, app } = await withIssuer()
    const response = await post(app, { authorization: `Bearer ${await issuer.token()}` })
    expect(response.statusCode).toBe(200)
  })

  it.each([
    ['an expired token', (issuer: Issuer) => issuer.token({}, { expiresIn: Math.floor(Date.now() / 1000) - 300 })],
    ['a token for another audience', (issuer: Issuer) => issuer.token({}, { audience: 'api://default' })],
    ['a token from another issuer', (issuer: Issuer) => issuer.token({}, { issuer: 'https://evil.example.com/oauth2/default' })],
    ['a token signed by another key', async (issuer: Issuer) => issuer.token({}, { key: (await generateKeyPair('RS256')).privateKey })],
    ['a token for another client', (issuer: Issuer) => issuer.token({ cid: '0oaother' })],
    ['a token without the hook scope', (issuer: Issuer) => issuer.token({ scp: ['openid'] })],
  ])('returns 401 for %s', async (_, make) => {
    const { issuer, app } = await withIssuer()
    const response = await post(app, { authorization: `Bearer ${await make(issuer)}` })
    expect(response.statusCode).toBe(401)
  })

  it('returns 401 for a token with alg "none"', async () => {
    const { issuer, app } = await withIssuer()
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')
    const payload = Buffer.from(JSON.stringify({ iss: issuer.issuer, aud: AUDIENCE, exp: 9999999999 })).toString('base64url')
    expect((await post(app, { authorization: `Bearer ${header}.${payload}.` })).statusCode).toBe(401)
  })

  it('still accepts the header secret when both methods are configured', async () => {
    const { app } = await withIssuer()
    expect((await post(app, { authorization: HOOK_SECRET })).statusCode).toBe(200)
  })
})

describe('hook authentication when the issuer fails', () => {
  async function setUp(down?: 'metadata' | 'keys') {
    const issuer = await startIssuer()
    if (down) issuer.down[down] = true
    const logs: string[] = []
    const app = await buildTestServer({ env: issuer.env, logs })
    const bearer = async () => ({ authorization: `Bearer ${await issuer.token()}` })
    return { issuer, app, logs, bearer }
  }

  /** Five hook calls at once, then five one after the other. */
  async function tenCalls(app: FastifyInstance, headers: Record<string, string>) {
    const statuses = (await Promise.all([1, 2, 3, 4, 5].map(() => post(app, headers)))).map((response) => response.statusCode)
    for (const _ of [1, 2, 3, 4, 5]) statuses.push((await post(app, headers)).statusCode)
    return statuses
  }

  it('refuses bearer tokens during a discovery outage after one call to the issuer, and retries after the cooldown', async () => {
    const { issuer, app, logs, bearer } = await setUp('metadata')
    expect(new Set(await tenCalls(app, await bearer()))).toEqual(new Set([401]))
    expect(issuer.calls).toEqual({ metadata: 1, keys: 0 })
    const warnings = logs.map((line) => JSON.parse(line)).filter((entry) => entry.level === 40 && entry.msg.includes('refused'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0].msg).toContain('HTTP 503')

    issuer.down.metadata = false
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + ISSUER_COOLDOWN_MS })
    onTestFinished(() => {
      vi.useRealTimers()
    })
    expect((await post(app, await bearer())).statusCode).toBe(200)
    expect(issuer.calls).toEqual({ metadata: 2, keys: 1 })
  })

  it('refuses bearer tokens during a key outage after one call for the keys', async () => {
    const { issuer, app, bearer } = await setUp('keys')
    expect(new Set(await tenCalls(app, await bearer()))).toEqual(new Set([401]))
    expect(issuer.calls).toEqual({ metadata: 1, keys: 1 })
  })

  it('refuses a token for an unknown key without taking it for an outage', async () => {
    const { issuer, app, bearer } = await setUp()
    expect((await post(app, { authorization: `Bearer ${await issuer.token({}, { kid: 'rotated' })}` })).statusCode).toBe(401)
    expect((await post(app, await bearer())).statusCode).toBe(200)
    expect(issuer.calls).toEqual({ metadata: 1, keys: 1 })
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

  /** The warnings a server logs as it starts with this OAuth configuration; its issuer is never called at boot. */
  async function bootWarnings(env: Record<string, string>) {
    const logs: string[] = []
    await buildTestServer({ env: { HOOK_OAUTH_ISSUER: BOOT_ISSUER, HOOK_OAUTH_AUDIENCE: AUDIENCE, ...env }, logs })
    // Only the hook's: a clone that has not been built also warns about the missing page bundle.
    return logs
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.level === 40 && entry.msg.startsWith('The hook '))
      .map((entry) => entry.msg)
  }

  it.each([
    ['neither a client id nor a scope', {}, 'whatever its client and scope: set HOOK_OAUTH_CLIENT_ID and HOOK_OAUTH_SCOPE'],
    ['no scope', { HOOK_OAUTH_CLIENT_ID: '0oahook' }, 'whatever its scope: set HOOK_OAUTH_SCOPE'],
    ['no client id', { HOOK_OAUTH_SCOPE: 'okta.hooks' }, 'whatever its client: set HOOK_OAUTH_CLIENT_ID'],
  ])('warns at boot, with %s to check, that any token of the issuer for the audience is accepted', async (_, env, unchecked) => {
    expect(await bootWarnings(env)).toEqual([
      `The hook accepts any access token of ${BOOT_ISSUER} for the audience ${AUDIENCE}, ${unchecked} to accept only Okta's.`,
    ])
  })

  it('does not warn when both the client id and the scope are checked', async () => {
    expect(await bootWarnings({ HOOK_OAUTH_CLIENT_ID: '0oahook', HOOK_OAUTH_SCOPE: 'okta.hooks' })).toEqual([])
  })
})
