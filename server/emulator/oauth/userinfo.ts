import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Emulator } from '../context.ts'
import { liveAccessToken } from './presentedTokens.ts'
import { profileClaims } from './tokens.ts'

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/

/** RFC 6750 §3: the error in the WWW-Authenticate challenge, and in the body as Okta sends it. */
function bearerError(reply: FastifyReply, status: 401 | 403, error: string, description: string) {
  return reply
    .code(status)
    .header('www-authenticate', `Bearer error="${error}", error_description="${description}"`)
    .send({ error, error_description: description })
}

/**
 * `GET|POST /v1/userinfo`: the signed-in user's claims for a live access token of this server (not revoked). The profile
 * scope gives the profile (department and consent stamps included), the email scope the email.
 */
export async function userinfoRoute(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  async function userinfo(request: FastifyRequest, reply: FastifyReply) {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1]
    if (!token) return bearerError(reply, 401, 'invalid_request', 'The access token is missing.')
    const live = await liveAccessToken(emulator, request, token)
    if (!live) return bearerError(reply, 401, 'invalid_token', 'The access token is invalid.')
    const { claims, user } = live
    const scopes = Array.isArray(claims.scp) ? claims.scp : []
    if (!scopes.includes('openid')) return bearerError(reply, 403, 'insufficient_scope', 'The access token must provide access to at least one of these scopes - openid.')
    const { email, ...profile } = profileClaims(user)
    return {
      sub: user.id,
      ...(scopes.includes('profile') ? profile : {}),
      ...(scopes.includes('email') ? { email, email_verified: true } : {}),
    }
  }
  app.get('/v1/userinfo', userinfo)
  app.post('/v1/userinfo', userinfo)
}
