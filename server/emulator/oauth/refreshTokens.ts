import { handle } from '../idx/transactions.ts'
import type { TokenGrant } from './tokens.ts'
import { makeRoom } from '../bounded.ts'

/** Okta's default refresh token expires when unused for 7 days. */
const IDLE_TTL_MS = 7 * 24 * 60 * 60_000
/** Refresh tokens kept at once; issuing one more forgets the oldest, so memory stays bounded. */
const CAPACITY = 1000

export interface RefreshTokens {
  issue(grant: TokenGrant): string
  /** The grant behind a live token of this client; using it keeps it alive (Okta's persistent token). */
  redeem(token: unknown, clientId: string): TokenGrant | undefined
  /** The same without using it (introspection): the grant and when the token expires if left unused. */
  peek(token: string, clientId: string): { grant: TokenGrant; expiresAt: number } | undefined
  revoke(token: string): void
}

export function createRefreshTokens(): RefreshTokens {
  const tokens = new Map<string, { grant: TokenGrant; expiresAt: number }>()
  return {
    issue(grant) {
      makeRoom(tokens, CAPACITY, () => false)
      const token = handle(32)
      // Never the authorization request's nonce again: it belongs to the first ID token only.
      const { user, clientId, scope, authTime } = grant
      tokens.set(token, { grant: { user, clientId, scope, authTime }, expiresAt: Date.now() + IDLE_TTL_MS })
      return token
    },
    redeem(token, clientId) {
      if (typeof token !== 'string') return undefined
      const entry = tokens.get(token)
      if (!entry || entry.grant.clientId !== clientId) return undefined
      tokens.delete(token)
      if (entry.expiresAt <= Date.now()) return undefined
      // Re-inserted, so the Map's order stays the order of last use and eviction takes the idlest.
      tokens.set(token, { ...entry, expiresAt: Date.now() + IDLE_TTL_MS })
      return entry.grant
    },
    peek(token, clientId) {
      const entry = tokens.get(token)
      return entry && entry.grant.clientId === clientId && entry.expiresAt > Date.now() ? entry : undefined
    },
    revoke(token) {
      tokens.delete(token)
    },
  }
}
