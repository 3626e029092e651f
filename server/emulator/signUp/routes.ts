import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { responseContext, type Emulator } from '../context.ts'
import { register } from './registration.ts'
import { accountCreationFailed } from '../idx/outcome.ts'
import { selectAuthenticatorState } from '../authenticators/responses.ts'
import { identifyState } from '../signIn/responses.ts'
import { enrollProfileState } from './responses.ts'
import { inTransaction, stateNow } from '../idx/shared.ts'

/** The profile form's body; without a usable `userProfile`, Okta's checks run on an empty one. */
export const EnrollBody = z.looseObject({ userProfile: z.record(z.string(), z.unknown()) })

/** The sign-up form: switching between it and the sign-in form, cancel, and the registration itself. */
export async function profileRoutes(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  const { attributes } = emulator

  app.post('/identify/select', inTransaction(emulator, async (request, _reply, transaction) => {
    transaction.step = 'identify'
    return identifyState(responseContext(request, transaction))
  }))

  // Okta's cancel ends the attempt; the user may start again from the sign-in page.
  app.post('/cancel', inTransaction(emulator, async (request, _reply, transaction) => {
    Object.assign(transaction, { step: 'identify', user: undefined, emailCode: undefined, enrolled: new Set(), failedAttempts: 0 })
    return identifyState(responseContext(request, transaction))
  }))

  app.post('/enroll', inTransaction(emulator, async (request, _reply, transaction) => {
    if (transaction.user) return stateNow(emulator, request, transaction)
    transaction.step = 'enroll-profile'
    return enrollProfileState(responseContext(request, transaction), attributes)
  }))

  app.post('/enroll/new', inTransaction(emulator, async (request, reply, transaction) => {
    const ctx = responseContext(request, transaction)
    if (transaction.step !== 'enroll-profile') return reply.code(400).send(stateNow(emulator, request, transaction))
    const body = EnrollBody.safeParse(request.body)
    const rejection = await register(emulator, request, transaction, body.success ? body.data.userProfile : {})
    if (rejection === undefined) return selectAuthenticatorState(ctx)
    if (rejection.kind === 'failed') return reply.code(400).send(accountCreationFailed())
    return reply.code(400).send(enrollProfileState(ctx, attributes, rejection.errors, rejection.messages))
  }))
}
