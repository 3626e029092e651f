import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { isRegistered, type Emulator } from '../context.ts'
import { oauthError, PKCE_VALUE } from './errors.ts'

const InteractBody = z.looseObject({
  client_id: z.string(),
  scope: z.string().default('openid email'),
  redirect_uri: z.string(),
  code_challenge: z.string().regex(PKCE_VALUE),
  code_challenge_method: z.literal('S256'),
  state: z.string().default(''),
  nonce: z.string().optional(),
})

/** `POST /v1/interact`, the embedded model: the widget starts a transaction and gets its interaction handle. */
export async function interactRoute(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  const { options } = emulator
  app.post('/v1/interact', async (request, reply) => {
    const body = InteractBody.safeParse(request.body)
    if (!body.success) return oauthError(reply, 400, 'invalid_request', 'A PKCE S256 code_challenge, client_id and redirect_uri are required.')
    const { client_id, redirect_uri, scope, code_challenge, state, nonce } = body.data
    if (client_id !== options.clientId) return oauthError(reply, 401, 'invalid_client', 'Client authentication failed.')
    if (!isRegistered(request, redirect_uri, options.redirectUris)) {
      return oauthError(reply, 400, 'invalid_request', "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings.")
    }
    const client = { clientId: client_id, redirectUri: redirect_uri, scope, codeChallenge: code_challenge, state, ...(nonce ? { nonce } : {}) }
    return { interaction_handle: emulator.transactions.create(client, 'embedded').interactionHandle }
  })
}
