import { hash, timingSafeEqual } from 'node:crypto'
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose'
import type { HookAuthConfig } from '../config/index.ts'

/** Answers at once for the header secret; a promise only when a bearer token has to be verified. */
export type Authenticator = (headers: Record<string, string | string[] | undefined>) => boolean | Promise<boolean>

const sha256 = (value: string) => hash('sha256', value, 'buffer')

/**
 * Checks Okta's credentials: the shared header secret (compared in constant time on SHA-256 digests,
 * so neither content nor length leaks), or an OAuth 2.0 bearer access token verified against the
 * issuer's keys. Either configured method is enough.
 */
export function createAuthenticator(config: HookAuthConfig, fetchKeys?: JWTVerifyGetKey): Authenticator {
  const header = config.header
  const expected = header ? sha256(header.secret) : undefined
  const verifyBearer = config.oauth ? createBearerVerifier(config.oauth, fetchKeys) : undefined

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

function createBearerVerifier(oauth: NonNullable<HookAuthConfig['oauth']>, fetchKeys?: JWTVerifyGetKey) {
  const keys = fetchKeys ?? discoverKeys(oauth.issuer)
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

/**
 * The issuer's JWKS, located through its authorization-server metadata on first use and then cached
 * (jose refetches only for an unknown `kid`, with a cooldown). A failed discovery is retried next time.
 */
function discoverKeys(issuer: string): JWTVerifyGetKey {
  let keys: Promise<JWTVerifyGetKey> | undefined
  const load = async () => {
    const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/oauth-authorization-server`, {
      signal: AbortSignal.timeout(2000),
    })
    if (!response.ok) throw new Error(`authorization server metadata: HTTP ${response.status}`)
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown }
    if (typeof jwksUri !== 'string') throw new Error('authorization server metadata has no jwks_uri')
    return createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 2000 })
  }
  return async (protectedHeader, token) => {
    keys ??= load().catch((error: unknown) => {
      keys = undefined
      throw error
    })
    return (await keys)(protectedHeader, token)
  }
}
