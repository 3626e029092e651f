import { makeRoom } from '../bounded.ts'

/**
 * Access tokens revoked before they expire (RFC 7009). A signed JWT stays valid by itself, so its id is kept
 * until it would have expired, and userinfo and introspection ask here.
 */
export interface RevokedAccessTokens {
  revoke(jti: string, expiresAt: number): void
  has(jti: unknown): boolean
}

/** Ids kept at once; revoking one more forgets the earliest, so memory stays bounded. */
const CAPACITY = 10_000

export function createRevokedAccessTokens(): RevokedAccessTokens {
  const revoked = new Map<string, number>()
  return {
    revoke(jti, expiresAt) {
      const now = Date.now()
      makeRoom(revoked, CAPACITY, (until) => until <= now)
      revoked.set(jti, expiresAt)
    },
    has: (jti) => typeof jti === 'string' && (revoked.get(jti) ?? 0) > Date.now(),
  }
}
