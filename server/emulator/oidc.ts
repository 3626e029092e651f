import { createHash } from 'node:crypto'
import formbody from '@fastify/formbody'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import { absoluteRedirectUri, issuerOf, type Emulator } from './context.ts'
import { mintTokens } from './tokens.ts'

const InteractBody = z.looseObject({
  client_id: z.string(),
  scope: z.string().default('openid email'),
  redirect_uri: z.string(),
  code_challenge: z.string().min(43),
  code_challenge_method: z.literal('S256'),
  state: z.string().default(''),
  nonce: z.string().optional(),
})

const TokenBody = z.looseObject({
  grant_type: z.literal('interaction_code'),
  client_id: z.string(),
  redirect_uri: z.string(),
  code_verifier: z.string(),
  interaction_code: z.string(),
})

const oauthError = (reply: FastifyReply, status: number, error: string, description: string) =>
  reply.code(status).send({ error, error_description: description })

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')

/** The authorization server `default`: discovery, keys, interact and the interaction_code grant. */
export async function oidcRoutes(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  await app.register(formbody)
  const { options } = emulator

  app.get('/.well-known/openid-configuration', async (request) => {
    const issuer = issuerOf(request)
    return {
      issuer,
      authorization_endpoint: `${issuer}/v1/authorize`,
      token_endpoint: `${issuer}/v1/token`,
      jwks_uri: `${issuer}/v1/keys`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'profile', 'email'],
      grant_types_supported: ['authorization_code', 'interaction_code'],
      code_challenge_methods_supported: ['S256'],
    }
  })

  app.get('/v1/keys', async () => ({ keys: [emulator.key.jwk] }))

  app.post('/v1/interact', async (request, reply) => {
    const body = InteractBody.safeParse(request.body)
    if (!body.success) return oauthError(reply, 400, 'invalid_request', 'A PKCE S256 code_challenge, client_id and redirect_uri are required.')
    const { client_id, redirect_uri, scope, code_challenge, state, nonce } = body.data
    if (client_id !== options.clientId) return oauthError(reply, 401, 'invalid_client', 'Client authentication failed.')
    if (redirect_uri !== absoluteRedirectUri(request, options.redirectUri)) {
      return oauthError(reply, 400, 'invalid_request', "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings.")
    }
    const transaction = emulator.transactions.create({
      clientId: client_id,
      redirectUri: redirect_uri,
      scope,
      codeChallenge: code_challenge,
      state,
      ...(nonce ? { nonce } : {}),
    })
    return { interaction_handle: transaction.interactionHandle }
  })

  app.post('/v1/token', async (request, reply) => {
    const body = TokenBody.safeParse(request.body)
    if (!body.success) return oauthError(reply, 400, 'invalid_request', 'grant_type=interaction_code with client_id, redirect_uri, code_verifier and interaction_code is required.')
    const { client_id, redirect_uri, code_verifier, interaction_code } = body.data
    const transaction = emulator.codes.redeem(interaction_code)
    if (!transaction) return oauthError(reply, 400, 'invalid_grant', 'The interaction code is invalid or has expired.')
    if (client_id !== transaction.client.clientId) return oauthError(reply, 401, 'invalid_client', 'Client authentication failed.')
    if (redirect_uri !== transaction.client.redirectUri) {
      return oauthError(reply, 400, 'invalid_grant', "The 'redirect_uri' does not match the redirection URI used in the interact request.")
    }
    if (s256(code_verifier) !== transaction.client.codeChallenge) return oauthError(reply, 400, 'invalid_grant', 'PKCE verification failed.')
    emulator.transactions.forget(transaction)
    return mintTokens(emulator.key, transaction, issuerOf(request))
  })
}
