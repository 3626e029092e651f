import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { CodeGrant } from './codes.ts'
import { issuerOf, type Emulator } from '../context.ts'
import { mintTokens, scopesOf, type TokenGrant } from './tokens.ts'
import { oauthError, s256 } from './errors.ts'

const CodeExchange = z.looseObject({ client_id: z.string(), redirect_uri: z.string(), code_verifier: z.string() })
const InteractionCodeBody = CodeExchange.extend({ interaction_code: z.string() })
const AuthorizationCodeBody = CodeExchange.extend({ code: z.string() })
const RefreshTokenBody = z.looseObject({ client_id: z.string(), refresh_token: z.string(), scope: z.string().optional() })

const grantTypeOf = (body: unknown) => (typeof body === 'object' && body !== null ? (body as Record<string, unknown>).grant_type : undefined)

/** `POST /v1/token`: the interaction code (embedded), the authorization code (redirect) and refresh token grants. */
export async function tokenRoute(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  const { options } = emulator

  /** Tokens for the grant, with a refresh token when `offline_access` was granted. */
  function issue(request: FastifyRequest, grant: TokenGrant) {
    const refreshToken = scopesOf(grant.scope).includes('offline_access') ? emulator.refreshTokens.issue(grant) : undefined
    return mintTokens(emulator.key, grant, issuerOf(request), refreshToken)
  }

  /** A code of either model: single use, for the client and redirect URI it was issued to, PKCE verified. */
  function exchange(request: FastifyRequest, reply: FastifyReply, grant: CodeGrant, code: string, body: z.infer<typeof CodeExchange>) {
    const transaction = emulator.codes.redeem(code, grant)
    const kind = grant === 'interaction_code' ? 'interaction' : 'authorization'
    if (!transaction?.user) return oauthError(reply, 400, 'invalid_grant', `The ${kind} code is invalid or has expired.`)
    if (body.client_id !== transaction.client.clientId) return oauthError(reply, 401, 'invalid_client', 'Client authentication failed.')
    if (body.redirect_uri !== transaction.client.redirectUri) {
      return oauthError(reply, 400, 'invalid_grant', "The 'redirect_uri' does not match the redirection URI used in the authorization request.")
    }
    if (s256(body.code_verifier) !== transaction.client.codeChallenge) return oauthError(reply, 400, 'invalid_grant', 'PKCE verification failed.')
    emulator.transactions.forget(transaction)
    const { clientId, scope, nonce } = transaction.client
    const authTime = Math.floor((transaction.authenticatedAt ?? Date.now()) / 1000)
    return issue(request, { user: transaction.user, clientId, scope, authTime, ...(nonce ? { nonce } : {}) })
  }

  const needs = (reply: FastifyReply, grantType: string, parameters: string) =>
    oauthError(reply, 400, 'invalid_request', `grant_type=${grantType} needs ${parameters}.`)

  app.post('/v1/token', async (request, reply) => {
    const grantType = grantTypeOf(request.body)
    switch (grantType) {
      case 'interaction_code': {
        const body = InteractionCodeBody.safeParse(request.body)
        if (!body.success) return needs(reply, grantType, 'client_id, redirect_uri, code_verifier and interaction_code')
        return exchange(request, reply, grantType, body.data.interaction_code, body.data)
      }
      case 'authorization_code': {
        const body = AuthorizationCodeBody.safeParse(request.body)
        if (!body.success) return needs(reply, grantType, 'client_id, redirect_uri, code_verifier and code')
        return exchange(request, reply, grantType, body.data.code, body.data)
      }
      case 'refresh_token': {
        const body = RefreshTokenBody.safeParse(request.body)
        if (!body.success) return needs(reply, grantType, 'client_id and refresh_token')
        return refresh(request, reply, body.data)
      }
      case undefined:
        return oauthError(reply, 400, 'invalid_request', "The token request is missing a required parameter: 'grant_type'.")
      default:
        return oauthError(reply, 400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.')
    }
  })

  async function refresh(request: FastifyRequest, reply: FastifyReply, body: z.infer<typeof RefreshTokenBody>) {
    if (body.client_id !== options.clientId) return oauthError(reply, 401, 'invalid_client', 'Client authentication failed.')
    const grant = emulator.refreshTokens.redeem(body.refresh_token, body.client_id)
    if (!grant || !emulator.users.byId(grant.user.id)) return oauthError(reply, 400, 'invalid_grant', 'The refresh token is invalid or expired.')
    // A refresh may narrow the scope, never widen it (RFC 6749 §6).
    const scope = body.scope ?? grant.scope
    if (scopesOf(scope).some((wanted) => !scopesOf(grant.scope).includes(wanted))) {
      return oauthError(reply, 400, 'invalid_scope', 'The requested scope is invalid, unknown, or malformed.')
    }
    return mintTokens(emulator.key, { ...grant, scope }, issuerOf(request), body.refresh_token)
  }
}
