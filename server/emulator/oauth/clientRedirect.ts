import type { FastifyReply } from 'fastify'
import type { Emulator } from '../context.ts'
import type { Transaction } from '../idx/transactions.ts'

/**
 * Back to the client's registered redirect URI with `parameters` in the query: the code and state when the
 * transaction finished, an error and the state otherwise (RFC 6749 §4.1.2 and §4.1.2.1).
 */
export function redirectBack(reply: FastifyReply, redirectUri: string, parameters: Record<string, string | undefined>) {
  const target = new URL(redirectUri)
  for (const [name, value] of Object.entries(parameters)) if (value) target.searchParams.set(name, value)
  return reply.header('cache-control', 'no-store').redirect(target.toString(), 302)
}

/**
 * A finished transaction of the redirect model goes back to the app: it becomes a one-minute authorization
 * code, and it is spent, so a second visit gets no second code.
 */
export function sendCodeBack(emulator: Emulator, reply: FastifyReply, transaction: Transaction) {
  emulator.transactions.forget(transaction)
  const code = emulator.codes.issue(transaction, 'authorization_code')
  return redirectBack(reply, transaction.client.redirectUri, { code, state: transaction.client.state })
}
