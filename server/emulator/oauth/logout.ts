import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { issuerOf, isRegistered, type Emulator } from '../context.ts'
import { clearSessionCookie, sessionIdOf } from '../sessions/cookie.ts'
import { redirectBack } from './clientRedirect.ts'
import { oauthError } from './errors.ts'

const LogoutQuery = z.object({
  id_token_hint: z.string(),
  post_logout_redirect_uri: z.string().optional(),
  state: z.string().optional(),
})

/**
 * `GET /v1/logout`: RP-initiated logout. The ID token hint must be this server's; the browser's session ends
 * (the next authorize shows the sign-in page again, `prompt=none` gets `login_required`), and the browser goes
 * where the app asked if that is one of its sign-out redirect URIs (Okta refuses any other), or to this origin's page.
 */
export async function logoutRoute(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  const { options } = emulator

  /** A session of another user stays: someone else's ID token does not sign this browser out. */
  function endSession(request: FastifyRequest, reply: FastifyReply, userId: unknown) {
    const sessionId = sessionIdOf(request)
    if (sessionId === undefined) return
    const session = emulator.sessions.find(sessionId)
    if (session && session.userId !== userId) return
    if (session) emulator.sessions.end(session.id)
    clearSessionCookie(request, reply)
  }

  app.get('/v1/logout', async (request, reply) => {
    const query = LogoutQuery.safeParse(request.query)
    if (!query.success) return oauthError(reply, 400, 'invalid_request', "The 'id_token_hint' parameter is required, once.")
    const { id_token_hint, post_logout_redirect_uri, state } = query.data
    const hint = await emulator.key.verify(id_token_hint, { issuer: issuerOf(request), audience: options.clientId })
    if (!hint) return oauthError(reply, 400, 'invalid_token', "The 'id_token_hint' is not a valid ID token of this authorization server.")
    if (post_logout_redirect_uri !== undefined && !isRegistered(request, post_logout_redirect_uri, options.signOutRedirectUris)) {
      return oauthError(reply, 400, 'invalid_request', "The 'post_logout_redirect_uri' parameter must be a Logout redirect URI in the client app settings.")
    }
    endSession(request, reply, hint.sub)
    if (post_logout_redirect_uri === undefined) return reply.header('cache-control', 'no-store').redirect('/', 302)
    return redirectBack(reply, post_logout_redirect_uri, { state })
  })
}
