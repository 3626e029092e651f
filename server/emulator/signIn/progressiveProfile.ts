import type { FastifyRequest } from 'fastify'
import type { Emulator } from '../context.ts'
import { callInlineHook } from '../inlineHook/client.ts'
import type { FormAttribute } from '../signUp/form.ts'
import { formValues, validateProfile } from '../signUp/form.ts'
import { denial, type Rejection } from '../signUp/registration.ts'
import { idxMessages } from '../idx/outcome.ts'
import type { Transaction } from '../idx/transactions.ts'
import type { Profile, User } from '../users/directory.ts'

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

/**
 * What progressive profiling asks a signing-in user: the sign-up form's required attributes their profile
 * lacks. The consent box is left out: the profile keeps the hook's stamps, not the box, and it belongs to sign-up.
 */
export const missingAttributes = (attributes: FormAttribute[], user: User | undefined): FormAttribute[] =>
  user ? attributes.filter(({ name, required, kind }) => required && kind !== 'checkbox' && isBlank(user.profile[name])) : []

/**
 * Okta's `/idp/idx/enroll/update`: its own checks on the asked attributes, then the hook with the progressive
 * profile request, then the update applied (`com.okta.user.progressive.profile.update`). A rejection, or nothing.
 */
export async function updateProfile(emulator: Emulator, request: FastifyRequest, transaction: Transaction, submitted: Profile): Promise<Rejection | undefined> {
  const user = transaction.user
  const asked = missingAttributes(emulator.attributes, user)
  if (!user || asked.length === 0) return undefined
  const values = formValues(asked, submitted)
  const errors = validateProfile(asked, values)
  if (errors.size > 0) return { kind: 'form', errors, messages: [] }

  const outcome = await callInlineHook(emulator.hookTarget(), {
    requestType: 'progressive.profile',
    user,
    userProfileUpdate: values,
    ipAddress: request.ip,
    requestId: request.id,
  })
  if (outcome.kind === 'failed') return outcome
  if (outcome.kind === 'deny') return denial(outcome.causes, new Set(asked.map((a) => a.name)), idxMessages.profileUpdate)
  user.profile = { ...user.profile, ...values, ...outcome.updates }
  return undefined
}
