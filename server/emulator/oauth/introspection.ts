import type { FastifyInstance } from 'fastify'
import type { Emulator } from '../context.ts'
import { oauthError } from './errors.ts'
import { findPresentedToken, readTokenRequest, type PresentedToken } from './presentedTokens.ts'

/** RFC 7662 §2.2: what the client may know of a live token; only `active: false` for anything else. */
function introspection(presented: PresentedToken | undefined) {
  if (!presented) return { active: false }
  if (presented.type === 'access_token') {
    const { claims, user } = presented
    const scopes = Array.isArray(claims.scp) ? claims.scp : []
    return {
      active: true,
      token_type: 'Bearer',
      scope: scopes.join(' '),
      client_id: claims.cid,
      username: user.login,
      exp: claims.exp,
      iat: claims.iat,
      sub: claims.sub,
      aud: claims.aud,
      iss: claims.iss,
      jti: claims.jti,
      uid: user.id,
    }
  }
  const { grant, expiresAt } = presented
  return {
    active: true,
    scope: grant.scope,
    client_id: grant.clientId,
    username: grant.user.login,
    exp: Math.floor(expiresAt / 1000),
    sub: grant.user.login,
    uid: grant.user.id,
  }
}

/** `POST /v1/introspect` (RFC 7662): whether an access or refresh token of the client is live, and what it grants. */
export async function introspectionRoute(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  app.post('/v1/introspect', async (request, reply) => {
    const read = readTokenRequest(emulator, request.body)
    if (!read.ok) return oauthError(reply, read.status, read.error, read.description)
    const presented = await findPresentedToken(emulator, request, read.token, read.clientId)
    return reply.header('cache-control', 'no-store').send(introspection(presented))
  })
}
