import type { FastifyInstance } from 'fastify'
import type { Emulator } from '../context.ts'
import { sendCodeBack } from './clientRedirect.ts'
import { oauthError } from './errors.ts'

/** Okta's org-level path, as the prefix of this route's scope. */
export const TOKEN_REDIRECT_PREFIX = '/login/token'

/** Where Okta's `success` sends the browser when a transaction of the redirect model is finished. */
export const tokenRedirectUrl = (origin: string, stateHandle: string) =>
  `${origin}${TOKEN_REDIRECT_PREFIX}/redirect?stateToken=${encodeURIComponent(stateHandle)}`

/**
 * `GET /login/token/redirect?stateToken=…`: the hosted page's widget ends here, and the browser goes back to
 * the app's redirect URI with a code for the finished transaction.
 */
export async function tokenRedirectRoute(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  app.get('/redirect', async (request, reply) => {
    const { stateToken } = (request.query ?? {}) as Record<string, unknown>
    const transaction = emulator.transactions.find(stateToken)
    if (!transaction || transaction.model !== 'redirect' || transaction.step !== 'success') {
      return oauthError(reply, 400, 'invalid_request', 'The state token is invalid, expired or not finished.')
    }
    return sendCodeBack(emulator, reply, transaction)
  })
}
