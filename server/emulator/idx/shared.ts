import type { FastifyReply, FastifyRequest } from 'fastify'
import { issuerOf, responseContext, type Emulator } from '../context.ts'
import { setSessionCookie } from '../sessions/cookie.ts'
import { sessionExpired } from './outcome.ts'
import { currentState } from './state.ts'
import { missingAttributes } from '../signIn/progressiveProfile.ts'
import type { Transaction } from './transactions.ts'

type Handler = (request: FastifyRequest, reply: FastifyReply, transaction: Transaction) => Promise<unknown>

const field = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined

/** Runs `handler` for the live transaction named by the body's stateHandle; Okta's 401 otherwise. */
export function inTransaction(emulator: Emulator, handler: Handler) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const transaction = emulator.transactions.find(field(request.body, 'stateHandle'))
    if (!transaction) return reply.code(401).send(sessionExpired())
    return handler(request, reply, transaction)
  }
}

/** Introspect accepts the interactionHandle (first load) or the stateHandle (auth-js calls it stateToken). */
export function findForIntrospect(emulator: Emulator, body: unknown) {
  for (const name of ['interactionHandle', 'stateToken', 'stateHandle']) {
    const transaction = emulator.transactions.find(field(body, name))
    if (transaction) return transaction
  }
  return undefined
}

/** Where the user really is now: introspect, poll and resend, and the answer to an out-of-step request. */
export const stateNow = (emulator: Emulator, request: FastifyRequest, transaction: Transaction) =>
  currentState(responseContext(request, transaction), emulator.attributes, `${issuerOf(request)}/v1/token`)

/**
 * The end of a transaction. The user now has Okta's session on this browser, in both models (its cookie goes
 * with this answer); then the embedded model's widget gets an interaction code, the redirect model's browser
 * Okta's success link.
 */
export function finish(emulator: Emulator, request: FastifyRequest, reply: FastifyReply, transaction: Transaction) {
  transaction.step = 'success'
  transaction.authenticatedAt = Date.now()
  if (transaction.user) setSessionCookie(request, reply, emulator.sessions.start(transaction.user.id, transaction.authenticatedAt))
  if (transaction.model === 'embedded') transaction.interactionCode = emulator.codes.issue(transaction, 'interaction_code')
  return stateNow(emulator, request, transaction)
}

/** After a returning user's factors: progressive profiling when their profile lacks what sign-up asks, else the end. */
export function afterSignIn(emulator: Emulator, request: FastifyRequest, reply: FastifyReply, transaction: Transaction) {
  if (missingAttributes(emulator.attributes, transaction.user).length === 0) return finish(emulator, request, reply, transaction)
  transaction.step = 'enroll-update'
  return stateNow(emulator, request, transaction)
}
