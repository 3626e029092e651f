import { randomInt } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { authenticatorById, ENROLLMENT_ORDER, meetsComplexity } from './catalog.ts'
import { responseContext, type Emulator } from '../context.ts'
import { challengeEmailState, challengePasswordState, enrollAuthenticatorState, selectAuthenticatorState } from './responses.ts'
import { idxMessages, tooManyAttempts } from '../idx/outcome.ts'
import type { Transaction } from '../idx/transactions.ts'
import { checkPassword, setPassword } from '../users/directory.ts'
import { afterSignIn, finish, inTransaction, stateNow } from '../idx/shared.ts'

// Widget 7.49 sends no methodType when it enrolls the password, so only the id is required.
const AuthenticatorBody = z.looseObject({ authenticator: z.looseObject({ id: z.string() }) })
const AnswerBody = z.looseObject({ credentials: z.looseObject({ passcode: z.string() }) })

/**
 * Wrong answers one challenge takes (an email code sent, a password asked): a six-digit code must not be
 * guessable by trying, as Okta limits attempts too.
 */
const MAX_ATTEMPTS_PER_CHALLENGE = 5

const ENROLLING = new Set(['select-authenticator', 'enroll-email', 'enroll-password'])

/** What the email says: the code that verifies a new address, or the one that signs a returning user in. */
const EMAIL_SUBJECTS = { 'enroll-email': 'Verify your email address', 'challenge-email': 'One-time verification code' } as const

/**
 * The authenticators: at sign-up both are required (the email, with a code from the outbox, and the password),
 * then success; at sign-in the password, then the email code when the authentication policy asks for it.
 */
export async function authenticatorRoutes(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  function sendEmailCode(transaction: Transaction, purpose: keyof typeof EMAIL_SUBJECTS) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const sentTo = String(transaction.user?.profile[emulator.emailAttribute] ?? transaction.user?.login)
    transaction.emailCode = { code, sentTo }
    transaction.step = purpose
    // A new code is a new challenge, with its own attempts.
    transaction.failedAttempts = 0
    emulator.outbox.send({ to: sentTo, subject: EMAIL_SUBJECTS[purpose], code })
  }

  /** After an enrollment: the next required authenticator, or the end when none is left. */
  function next(request: FastifyRequest, reply: FastifyReply, transaction: Transaction) {
    if (ENROLLMENT_ORDER.some((key) => !transaction.enrolled.has(key))) {
      transaction.step = 'select-authenticator'
      return selectAuthenticatorState(responseContext(request, transaction))
    }
    return finish(emulator, request, reply, transaction)
  }

  /** After a returning user's password: the email code as the second factor, if the policy asks for it. */
  function afterPassword(request: FastifyRequest, reply: FastifyReply, transaction: Transaction) {
    if (!emulator.signInFactors.includes('email')) return afterSignIn(emulator, request, reply, transaction)
    sendEmailCode(transaction, 'challenge-email')
    return challengeEmailState(responseContext(request, transaction))
  }

  app.post('/credential/enroll', inTransaction(emulator, async (request, reply, transaction) => {
    const body = AuthenticatorBody.safeParse(request.body)
    const key = body.success ? authenticatorById(body.data.authenticator.id) : undefined
    if (!ENROLLING.has(transaction.step) || key === undefined || transaction.enrolled.has(key)) {
      return reply.code(400).send(stateNow(emulator, request, transaction))
    }
    if (key === 'email') sendEmailCode(transaction, 'enroll-email')
    else transaction.step = 'enroll-password'
    return enrollAuthenticatorState(responseContext(request, transaction), key)
  }))

  // `select-authenticator-authenticate` during the email challenge: choosing the email again sends a new code.
  app.post('/challenge', inTransaction(emulator, async (request, reply, transaction) => {
    const body = AuthenticatorBody.safeParse(request.body)
    if (transaction.step !== 'challenge-email' || !body.success || authenticatorById(body.data.authenticator.id) !== 'email') {
      return reply.code(400).send(stateNow(emulator, request, transaction))
    }
    sendEmailCode(transaction, 'challenge-email')
    return challengeEmailState(responseContext(request, transaction))
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
    /** Whether the answer is the code sent; a right one is spent. */
    const emailCodeMatches = () => {
      if (passcode.trim() !== transaction.emailCode?.code) return false
      transaction.emailCode = undefined
      return true
    }
    switch (transaction.step) {
      case 'enroll-email':
        if (!emailCodeMatches()) return wrong(enrollAuthenticatorState(ctx, 'email', [idxMessages.passcodeInvalid]))
        transaction.enrolled.add('email')
        return next(request, reply, transaction)
      case 'enroll-password':
        if (!meetsComplexity(passcode, transaction.user?.login ?? '')) {
          return reply.code(400).send(enrollAuthenticatorState(ctx, 'password', [idxMessages.passwordRejected]))
        }
        // Kept as a salted hash, so the user can sign in again within the process's lifetime.
        if (transaction.user) await setPassword(transaction.user, passcode)
        transaction.enrolled.add('password')
        return next(request, reply, transaction)
      case 'challenge-password':
        if (!transaction.user || !(await checkPassword(transaction.user, passcode))) {
          return wrong(challengePasswordState(ctx, [idxMessages.passwordIncorrect]))
        }
        return afterPassword(request, reply, transaction)
      case 'challenge-email':
        if (!emailCodeMatches()) return wrong(challengeEmailState(ctx, [idxMessages.passcodeInvalid]))
        return afterSignIn(emulator, request, reply, transaction)
      default:
        return reply.code(400).send(stateNow(emulator, request, transaction))
    }
  }))

  app.post('/challenge/resend', inTransaction(emulator, async (request, _reply, transaction) => {
    if (transaction.step === 'enroll-email' || transaction.step === 'challenge-email') sendEmailCode(transaction, transaction.step)
    return stateNow(emulator, request, transaction)
  }))
}
