import type { FastifyInstance } from 'fastify'
import { requestOrigin } from '../../plugins/hostHeader.ts'
import { isRegistered, type Emulator } from '../context.ts'
import { sessionIdOf } from '../sessions/cookie.ts'
import { redirectBack, sendCodeBack } from './clientRedirect.ts'
import { oauthError, PKCE_VALUE } from './errors.ts'
import { SUPPORTED_SCOPES } from './discovery.ts'

const PARAMETERS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'prompt',
] as const
type Parameters = Partial<Record<(typeof PARAMETERS)[number], string>>

/**
 * `prompt` values Okta knows. A live session answers at once unless `login` asks for a new sign-in; without one,
 * `none` is refused and the others show the sign-in page (no consent or account choice to show).
 */
const PROMPTS = new Set(['none', 'login', 'consent', 'select_account'])

const promptsOf = (prompt: string | undefined) => (prompt ?? '').split(' ').filter(Boolean)

const missing = (name: string) => `The authorization request is missing a required parameter: '${name}'.`

/**
 * `GET /v1/authorize`, the redirect model: the request is checked as Okta checks it, and a transaction is
 * started for it. With a live session the browser goes straight back to `redirect_uri` with a code (single
 * sign-on); otherwise it gets Okta's hosted sign-in page running the widget on that transaction, and goes
 * back when the widget finishes (see `tokenRedirect.ts`).
 */
export async function authorizeRoute(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  const { options } = emulator
  const redirectOrigins = options.redirectUris.filter((uri) => URL.canParse(uri)).map((uri) => new URL(uri).origin)

  app.get('/v1/authorize', options.hostedPage.routeOptions(redirectOrigins), async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>
    // RFC 6749 §3.1: a parameter sent more than once is an invalid request.
    const repeated = PARAMETERS.find((name) => Array.isArray(query[name]))
    const params = Object.fromEntries(PARAMETERS.map((name) => [name, typeof query[name] === 'string' ? query[name] : undefined])) as Parameters

    // Until the client and its redirect URI are known, nothing may be sent anywhere (RFC 6749 §4.1.2.1).
    if (repeated === 'client_id' || params.client_id !== options.clientId) {
      return oauthError(reply, 400, 'invalid_client', "Invalid value for 'client_id' parameter.")
    }
    if (repeated === 'redirect_uri' || !isRegistered(request, params.redirect_uri, options.redirectUris)) {
      return oauthError(reply, 400, 'invalid_request', "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings.")
    }
    const redirectUri = params.redirect_uri!
    const problem = checkRequest(params, repeated)
    if (problem) return redirectBack(reply, redirectUri, { error: problem.error, error_description: problem.description, state: params.state })

    const prompts = promptsOf(params.prompt)
    const session = prompts.includes('login') ? undefined : emulator.sessions.find(sessionIdOf(request))
    const user = emulator.users.byId(session?.userId)
    if (!user && prompts.includes('none')) {
      return redirectBack(reply, redirectUri, { error: 'login_required', error_description: 'The client specified not to prompt, but the user is not logged in.', state: params.state })
    }
    const transaction = emulator.transactions.create(
      {
        clientId: options.clientId,
        redirectUri,
        scope: params.scope!,
        codeChallenge: params.code_challenge!,
        state: params.state!,
        ...(params.nonce ? { nonce: params.nonce } : {}),
      },
      'redirect',
    )
    if (session && user) {
      transaction.user = user
      transaction.step = 'success'
      transaction.authenticatedAt = session.authenticatedAt
      return sendCodeBack(emulator, reply, transaction)
    }
    // What Okta's hosted page hands the widget: the transaction's state token, no client of its own.
    return options.hostedPage.send(reply, {
      baseUrl: requestOrigin(request),
      stateToken: transaction.stateHandle,
      authScheme: 'OAUTH2',
      // On Okta the org's self-service registration policy turns this on; the emulator offers sign-up.
      features: { registration: true },
    })
  })
}

interface Problem {
  error: string
  description: string
}

/** Okta's answer to a request from a known client to a registered redirect URI, or none when it may go on. */
function checkRequest(params: Parameters, repeated: string | undefined): Problem | undefined {
  if (repeated) return { error: 'invalid_request', description: `The '${repeated}' parameter was sent more than once.` }
  if (!params.response_type) return { error: 'invalid_request', description: missing('response_type') }
  if (params.response_type !== 'code') {
    return { error: 'unsupported_response_type', description: 'The response type is not supported by the authorization server. Configured response types: [code].' }
  }
  if (params.response_mode && params.response_mode !== 'query') {
    return { error: 'unsupported_response_mode', description: `The response mode '${params.response_mode}' is not supported by the authorization server. Configured response modes: [query].` }
  }
  if (!params.scope) {
    return { error: 'invalid_scope', description: "The authorization server resource does not have any configured default scopes, 'scope' must be provided." }
  }
  if (params.scope.split(' ').some((scope) => scope !== '' && !SUPPORTED_SCOPES.includes(scope))) {
    return { error: 'invalid_scope', description: 'One or more scopes are not configured for the authorization server resource.' }
  }
  if (!params.state) return { error: 'invalid_request', description: missing('state') }
  if (!params.code_challenge) {
    return { error: 'invalid_request', description: "PKCE code challenge is required when the token endpoint authentication method is 'NONE'." }
  }
  if (params.code_challenge_method !== 'S256') {
    return { error: 'invalid_request', description: "The 'code_challenge_method' must be S256." }
  }
  if (!PKCE_VALUE.test(params.code_challenge)) {
    return { error: 'invalid_request', description: "The 'code_challenge' must be 43 to 128 characters: letters, digits, '-', '.', '_' or '~'." }
  }
  const prompts = promptsOf(params.prompt)
  if (prompts.some((prompt) => !PROMPTS.has(prompt)) || (prompts.includes('none') && prompts.length > 1)) {
    return { error: 'invalid_request', description: "The 'prompt' parameter is invalid." }
  }
  return undefined
}
