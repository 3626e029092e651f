import type { FastifyInstance } from 'fastify'
import type { Emulator } from '../context.ts'
import { sessionExpired } from './outcome.ts'
import { findForIntrospect, inTransaction, stateNow } from './shared.ts'

/** Reading the state without changing it: introspect (first load and reloads), and the email poll. */
export async function stateRoutes(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  app.post('/introspect', async (request, reply) => {
    const transaction = findForIntrospect(emulator, request.body)
    if (!transaction) return reply.code(401).send(sessionExpired())
    return stateNow(emulator, request, transaction)
  })

  app.post('/challenge/poll', inTransaction(emulator, async (request, _reply, transaction) => stateNow(emulator, request, transaction)))
}
