import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { responseContext, type Emulator } from '../context.ts'
import { EnrollBody } from '../signUp/routes.ts'
import { inTransaction, finish, stateNow } from '../idx/shared.ts'
import { challengePasswordState } from '../authenticators/responses.ts'
import { idxMessages, profileUpdateFailed } from '../idx/outcome.ts'
import { identifyState, profileUpdateState } from './responses.ts'
import { missingAttributes, updateProfile } from './progressiveProfile.ts'

const IdentifyBody = z.looseObject({ identifier: z.string() })

/** A returning user: identify, then the password (`challenge/answer`), then progressive profiling if needed. */
export async function signInRoutes(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  app.post('/identify', inTransaction(emulator, async (request, reply, transaction) => {
    const body = IdentifyBody.safeParse(request.body)
    const user = body.success ? emulator.users.find(body.data.identifier) : undefined
    if (transaction.step !== 'identify') return reply.code(400).send(stateNow(emulator, request, transaction))
    // Only a user with a password can sign in with one (sign-up enrolls it; one who left before has none).
    if (!user?.passwordHash) return reply.code(400).send(identifyState(responseContext(request, transaction), [idxMessages.signInFailed]))
    transaction.user = user
    transaction.step = 'challenge-password'
    transaction.failedAttempts = 0
    return challengePasswordState(responseContext(request, transaction))
  }))

  app.post('/enroll/update', inTransaction(emulator, async (request, reply, transaction) => {
    if (transaction.step !== 'enroll-update') return reply.code(400).send(stateNow(emulator, request, transaction))
    const body = EnrollBody.safeParse(request.body)
    // What was missing before this update: the form to show again with the causes under its fields.
    const asked = missingAttributes(emulator.attributes, transaction.user)
    const rejection = await updateProfile(emulator, request, transaction, body.success ? body.data.userProfile : {})
    if (rejection === undefined) return finish(emulator, request, reply, transaction)
    if (rejection.kind === 'failed') return reply.code(400).send(profileUpdateFailed())
    return reply.code(400).send(profileUpdateState(responseContext(request, transaction), asked, rejection.errors, rejection.messages))
  }))
}
