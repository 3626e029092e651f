import { randomInt } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { authenticatorById, ENROLLMENT_ORDER, meetsComplexity } from './catalog.ts'
import { responseContext, type Emulator } from '../context.ts'
import { challengePasswordState, enrollAuthenticatorState, selectAuthenticatorState } from './responses.ts'
import { idxMessages, tooManyAttempts } from '../idx/outcome.ts'
import type { Transaction } from '../idx/transactions.ts'
import { checkPassword, setPassword } from '../users/directory.ts'
import { afterSignIn, finish, inTransaction, stateNow } from '../idx/shared.ts'

// Widget 7.49 sends no methodType when it enrolls the password, so only the id is required.
const EnrollBody = z.looseObject({ authenticator: z.looseObject({ id: z.string() }) })
const AnswerBody = z.looseObject({ credentials: z.looseObject({ passcode: z.string() }) })

/**
 * Wrong answers one challenge takes (an email code sent, a password asked): a six-digit code must not be
 * guessable by trying, as Okta limits attempts too.
 */
const MAX_ATTEMPTS_PER_CHALLENGE = 5

const ENROLLING = new Set(['select-authenticator', 'enroll-email', 'enroll-password'])

/** Required authenticators: the email (a code from the outbox) and the password, then success. */
export async function authenticatorRoutes(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  function sendEmailCode(transaction: Transaction) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    transaction.emailCode = code
    // A new code is a new challenge, with its own attempts.
    transaction.failedAttempts = 0
    const to = String(transaction.user?.profile[emulator.emailAttribute] ?? transaction.user?.login)
    emulator.outbox.send({ to, subject: 'Verify your email address', code })
  }

  /** After an enrollment: the next required authenticator, or the interaction code when none is left. */
  function next(request: FastifyRequest, transaction: Transaction) {
    const ctx = responseContext(request, transaction)
    if (ENROLLMENT_ORDER.some((key) => !transaction.enrolled.has(key))) {
      transaction.step = 'select-authenticator'
      return selectAuthenticatorState(ctx)
    }
    return finish(emulator, request, transaction)
  }

  app.post('/credential/enroll', inTransaction(emulator, async (request, reply, transaction) => {
    const body = EnrollBody.safeParse(request.body)
    const key = body.success ? authenticatorById(body.data.authenticator.id) : undefined
    if (!ENROLLING.has(transaction.step) || key === undefined || transaction.enrolled.has(key)) {
      return reply.code(400).send(stateNow(emulator, request, transaction))
    }
    if (key === 'email') sendEmailCode(transaction)
    transaction.step = key === 'email' ? 'enroll-email' : 'enroll-password'
    return enrollAuthenticatorState(responseContext(request, transaction), key)
  }))

  app.post('/challenge/answer', inTransaction(emulator, async (request, reply, transaction) => {
    const body = AnswerBody.safeParse(request.body)
    const passcode = body.success ? body.data.credentials.passcode : ''
    const ctx = responseContext(request, transaction)
    /** A wrong answer: shown under the field, until the challenge's attempts are spent and the transaction with them. */
    const wrong = (again: object) => {
      if (++transaction.failedAttempts < MAX_ATTEMPTS_PER_CHALLENGE) return reply.code(400).send(again)
      emulator.transactions.forget(transaction)
      return reply.code(400).send(tooManyAttempts())
    }
    if (transaction.step === 'enroll-email') {
      if (passcode.trim() !== transaction.emailCode) return wrong(enrollAuthenticatorState(ctx, 'email', [idxMessages.passcodeInvalid]))
      transaction.enrolled.add('email')
      transaction.emailCode = undefined
      return next(request, transaction)
    }
    if (transaction.step === 'enroll-password') {
      if (!meetsComplexity(passcode, transaction.user?.login ?? '')) {
        return reply.code(400).send(enrollAuthenticatorState(ctx, 'password', [idxMessages.passwordRejected]))
      }
      // Kept as a salted hash, so the user can sign in again within the process's lifetime.
      if (transaction.user) await setPassword(transaction.user, passcode)
      transaction.enrolled.add('password')
      return next(request, transaction)
    }
    if (transaction.step === 'challenge-password') {
      if (!transaction.user || !(await checkPassword(transaction.user, passcode))) {
        return wrong(challengePasswordState(ctx, [idxMessages.passwordIncorrect]))
      }
      return afterSignIn(emulator, request, transaction)
    }
    return reply.code(400).send(stateNow(emulator, request, transaction))
  }))

  app.post('/challenge/resend', inTransaction(emulator, async (request, _reply, transaction) => {
    if (transaction.step === 'enroll-email') sendEmailCode(transaction)
    return stateNow(emulator, request, transaction)
  }))
}
