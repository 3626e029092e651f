import { hash, timingSafeEqual } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose'
import { z } from 'zod'
import { HeaderName, HookSecret, HttpUrl } from '../config/values.ts'
import { OKTA_HOOK_BUDGET_MS } from './contract.ts'

/** How Okta proves its calls: a shared secret in a header, OAuth 2.0 bearer tokens, or either. */
export const HookAuth = z
  .object({
    /** Okta's HTTP-header channel: the header's name and the whole secret value. */
    header: z.object({ name: HeaderName.default('authorization'), secret: HookSecret }).optional(),
    /** Okta's OAuth 2.0 channel: bearer access tokens from this authorization server. */
    oauth: z
      .object({ issuer: HttpUrl, audience: z.string().min(1), clientId: z.string().min(1).optional(), scope: z.string().min(1).optional() })
      .optional(),
  })
  .refine((auth) => auth.header || auth.oauth, 'give a header secret or an OAuth issuer: the hook never runs unauthenticated')
export type HookAuthConfig = z.output<typeof HookAuth>

/** Answers at once for the header secret; a promise only when a bearer token has to be verified. */
export type Authenticator = (headers: Record<string, string | string[] | undefined>) => boolean | Promise<boolean>

export interface AuthenticatorOptions {
  log: FastifyBaseLogger
  fetchKeys?: JWTVerifyGetKey
}

type OAuthConfig = NonNullable<HookAuthConfig['oauth']>

/**
 * How long the issuer is left alone after a failed discovery or key fetch (and, as jose's cooldown, after
 * fetching keys for an unknown `kid`): in an outage one attempt per period, not one per hook call.
 */
export const ISSUER_COOLDOWN_MS = 10_000
/** Okta's budget is for the whole hook call: the issuer gets all but a second of it. */
const ISSUER_TIMEOUT_MS = OKTA_HOOK_BUDGET_MS - 1000

const sha256 = (value: string) => hash('sha256', value, 'buffer')

/**
 * Checks Okta's credentials: the shared header secret (compared in constant time on SHA-256 digests,
 * so neither content nor length leaks), or an OAuth 2.0 bearer access token verified against the
 * issuer's keys. Either configured method is enough.
 */
export function createAuthenticator(config: HookAuthConfig, options: AuthenticatorOptions): Authenticator {
  const header = config.header
  const expected = header ? sha256(header.secret) : undefined
  const verifyBearer = config.oauth ? createBearerVerifier(config.oauth, options) : undefined

  return (headers) => {
    if (header && expected) {
      const received = single(headers[header.name])
      if (received !== undefined && timingSafeEqual(sha256(received), expected)) return true
    }
    if (verifyBearer === undefined) return false
    const bearer = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(single(headers.authorization) ?? '')
    return bearer !== null && verifyBearer(bearer[1]!)
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value
}

function createBearerVerifier(oauth: OAuthConfig, { log, fetchKeys }: AuthenticatorOptions) {
  warnIfUnchecked(oauth, log)
  const keys = fetchKeys ?? discoverKeys(oauth.issuer, log)
  return async (token: string): Promise<boolean> => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: oauth.issuer,
        audience: oauth.audience,
        algorithms: ['RS256'],
        clockTolerance: 60,
      })
      if (oauth.clientId && payload.cid !== oauth.clientId) return false
      if (oauth.scope && !(Array.isArray(payload.scp) && payload.scp.includes(oauth.scope))) return false
      return true
    } catch {
      return false
    }
  }
}

/** Without a client id and a scope to check, other callers holding a token of the issuer for this audience get in. */
function warnIfUnchecked({ issuer, audience, clientId, scope }: OAuthConfig, log: FastifyBaseLogger) {
  const unchecked = [
    { claim: 'client', variable: 'HOOK_OAUTH_CLIENT_ID', value: clientId },
    { claim: 'scope', variable: 'HOOK_OAUTH_SCOPE', value: scope },
  ].filter(({ value }) => value === undefined)
  if (unchecked.length === 0) return
  log.warn(
    `The hook accepts any access token of ${issuer} for the audience ${audience}, whatever its ` +
      `${unchecked.map(({ claim }) => claim).join(' and ')}: set ${unchecked.map(({ variable }) => variable).join(' and ')} to accept only Okta's.`,
  )
}

/**
 * The issuer's JWKS, located through its authorization-server metadata on first use and then cached
 * (jose refetches only for an unknown `kid`, at most once per cooldown). A failed discovery or key fetch
 * is remembered for the cooldown: until then bearer tokens are refused without calling the issuer.
 */
function discoverKeys(issuer: string, log: FastifyBaseLogger): JWTVerifyGetKey {
  let keys: Promise<JWTVerifyGetKey> | undefined
  let outage: { until: number; error: unknown } | undefined
  const load = async () => {
    const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/oauth-authorization-server`, {
      signal: AbortSignal.timeout(ISSUER_TIMEOUT_MS),
    })
    if (!response.ok) throw new Error(`authorization server metadata: HTTP ${response.status}`)
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown }
    if (typeof jwksUri !== 'string') throw new Error('authorization server metadata has no jwks_uri')
    return createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: ISSUER_TIMEOUT_MS, cooldownDuration: ISSUER_COOLDOWN_MS })
  }
  return async (protectedHeader, token) => {
    if (outage !== undefined && Date.now() < outage.until) throw outage.error
    try {
      keys ??= load().catch((error: unknown) => {
        keys = undefined
        throw error
      })
      return await (await keys)(protectedHeader, token)
    } catch (error) {
      // No key for the token's `kid` is the token's problem; anything else is the issuer's. Concurrent
      // calls share one fetch and so one error: it is logged once.
      if (!(error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) && error !== outage?.error) {
        outage = { until: Date.now() + ISSUER_COOLDOWN_MS, error }
        log.warn(`Hook OAuth: ${issuer} failed (${(error as Error).message}); bearer tokens are refused for ${ISSUER_COOLDOWN_MS / 1000} s.`)
      }
      throw error
    }
  }
}
