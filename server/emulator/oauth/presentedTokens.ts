import type { FastifyRequest } from 'fastify'
import type { JWTPayload } from 'jose'
import { z } from 'zod'
import { issuerOf, type Emulator } from '../context.ts'
import type { User } from '../users/directory.ts'
import { ACCESS_TOKEN_AUDIENCE, type TokenGrant } from './tokens.ts'

/** A live access token of this server: signed here for its API, unexpired, not revoked, its user still there. */
export async function liveAccessToken(emulator: Emulator, request: FastifyRequest, token: string) {
  const claims = await emulator.key.verify(token, { issuer: issuerOf(request), audience: ACCESS_TOKEN_AUDIENCE })
  const user = emulator.users.byId(claims?.uid)
  if (!claims || !user || emulator.revokedAccessTokens.has(claims.jti)) return undefined
  return { claims, user }
}

/** A token a client presents for revocation or introspection, found among the live ones issued to it. */
export type PresentedToken =
  | { type: 'access_token'; claims: JWTPayload; user: User }
  | { type: 'refresh_token'; token: string; grant: TokenGrant; expiresAt: number }

export async function findPresentedToken(emulator: Emulator, request: FastifyRequest, token: string, clientId: string): Promise<PresentedToken | undefined> {
  const access = await liveAccessToken(emulator, request, token)
  if (access) return access.claims.cid === clientId ? { type: 'access_token', ...access } : undefined
  const refresh = emulator.refreshTokens.peek(token, clientId)
  return refresh && emulator.users.byId(refresh.grant.user.id) ? { type: 'refresh_token', token, ...refresh } : undefined
}

/**
 * The body of `/v1/revoke` (RFC 7009 §2.1) and `/v1/introspect` (RFC 7662 §2.1). The hint only orders a
 * server's search, so every known type is looked up whatever it says; an unknown one is refused.
 */
const TokenRequestBody = z.object({
  client_id: z.string(),
  token: z.string().min(1),
  token_type_hint: z.enum(['access_token', 'refresh_token', 'id_token']).optional(),
})

export type TokenRequest =
  | { ok: true; clientId: string; token: string }
  | { ok: false; status: 400 | 401; error: 'invalid_client' | 'invalid_request'; description: string }

const CLIENT_AUTHENTICATION_FAILED = { ok: false, status: 401, error: 'invalid_client', description: 'Client authentication failed.' } as const

/** The client authenticated as at the token endpoint (a public client: its id), and the token; or the OAuth error. */
export function readTokenRequest(emulator: Emulator, body: unknown): TokenRequest {
  const parsed = TokenRequestBody.safeParse(body ?? {})
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'token')
    if (field === 'client_id') return CLIENT_AUTHENTICATION_FAILED
    return { ok: false, status: 400, error: 'invalid_request', description: `The '${field}' parameter is missing or invalid.` }
  }
  if (parsed.data.client_id !== emulator.options.clientId) return CLIENT_AUTHENTICATION_FAILED
  return { ok: true, clientId: parsed.data.client_id, token: parsed.data.token }
}
