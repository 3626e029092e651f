import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { issuerOf, isRegistered, type Emulator } from '../context.ts'
import { redirectBack } from './authorize.ts'
import { oauthError } from './errors.ts'

const LogoutQuery = z.object({
  id_token_hint: z.string(),
  post_logout_redirect_uri: z.string().optional(),
  state: z.string().optional(),
})

/**
 * `GET /v1/logout`: RP-initiated logout. The emulator keeps no sign-in session between transactions, so
 * there is nothing more to end; the ID token hint is checked and the browser goes where the app asked,
 * if that is one of its sign-out redirect URIs (Okta refuses any other), or to this origin's page.
 */
export async function logoutRoute(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  const { options } = emulator
  app.get('/v1/logout', async (request, reply) => {
    const query = LogoutQuery.safeParse(request.query)
    if (!query.success) return oauthError(reply, 400, 'invalid_request', "The 'id_token_hint' parameter is required, once.")
    const { id_token_hint, post_logout_redirect_uri, state } = query.data
    const hint = await emulator.key.verify(id_token_hint, { issuer: issuerOf(request), audience: options.clientId })
    if (!hint) return oauthError(reply, 400, 'invalid_token', "The 'id_token_hint' is not a valid ID token of this authorization server.")
    if (post_logout_redirect_uri === undefined) return reply.redirect('/', 302)
    if (!isRegistered(request, post_logout_redirect_uri, options.signOutRedirectUris)) {
      return oauthError(reply, 400, 'invalid_request', "The 'post_logout_redirect_uri' parameter must be a Logout redirect URI in the client app settings.")
    }
    return redirectBack(reply, post_logout_redirect_uri, { state })
  })
}
