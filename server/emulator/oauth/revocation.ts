import type { FastifyInstance } from 'fastify'
import type { Emulator } from '../context.ts'
import { oauthError } from './errors.ts'
import { findPresentedToken, readTokenRequest } from './presentedTokens.ts'

/**
 * `POST /v1/revoke` (RFC 7009): an access token is refused from then on (userinfo, introspection), a refresh
 * token is forgotten. Any token, even unknown or already revoked, gets the same empty 200, as the RFC asks.
 */
export async function revocationRoute(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  app.post('/v1/revoke', async (request, reply) => {
    const read = readTokenRequest(emulator, request.body)
    if (!read.ok) return oauthError(reply, read.status, read.error, read.description)
    const presented = await findPresentedToken(emulator, request, read.token, read.clientId)
    if (presented?.type === 'access_token') emulator.revokedAccessTokens.revoke(String(presented.claims.jti), (presented.claims.exp ?? 0) * 1000)
    if (presented?.type === 'refresh_token') emulator.refreshTokens.revoke(presented.token)
    return reply.code(200).header('cache-control', 'no-store').send()
  })
}
