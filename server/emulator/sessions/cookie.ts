import type { FastifyReply, FastifyRequest } from 'fastify'
import { EMULATOR_ISSUER_PATH } from '../context.ts'
import type { Session } from './store.ts'

/** Okta Identity Engine's session cookie. */
const NAME = 'idx'

/**
 * Only the authorization server reads it (authorize, logout), so only its paths get it: the app's own routes on
 * this origin never see the session id. Scripts never do (HttpOnly); another site's requests carry it only on a
 * top-level navigation (Lax), which is how an app sends the browser to authorize.
 */
const attributes = (request: FastifyRequest) => `Path=${EMULATOR_ISSUER_PATH}; HttpOnly; SameSite=Lax${request.protocol === 'https' ? '; Secure' : ''}`

/** The session id the browser sent, if any. */
export function sessionIdOf(request: FastifyRequest): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = pair.trim().split('=', 2)
    if (name === NAME) return value
  }
  return undefined
}

/** Until the browser closes, as Okta's cookie; the session's own expiry ends it sooner. */
export const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, session: Session) =>
  reply.header('set-cookie', `${NAME}=${session.id}; ${attributes(request)}`)

export const clearSessionCookie = (request: FastifyRequest, reply: FastifyReply) =>
  reply.header('set-cookie', `${NAME}=; Max-Age=0; ${attributes(request)}`)
