import type { FastifyRequest } from 'fastify'
import type { Emulator } from '../context.ts'
import { callInlineHook, type HookCause } from '../inlineHook/client.ts'
import { formValues, notUnique, validateProfile, type FieldErrors } from './form.ts'
import type { IonMessage } from '../idx/ion.ts'
import { idxMessages, type DenialWording } from '../idx/outcome.ts'
import type { Transaction } from '../idx/transactions.ts'
import type { Profile } from '../users/directory.ts'

/** Why a sign-up was not accepted, in the terms the enroll-profile form can show. */
export type Rejection =
  | { kind: 'form'; errors: FieldErrors; messages: IonMessage[] }
  /** The hook could not be used: Okta fails closed with its generic message and no form. */
  | { kind: 'failed' }

/**
 * Okta's `/idp/idx/enroll/new`: its own checks, then the registration hook, then the user is created with the
 * hook's profile updates. Returns a rejection, or nothing when the user now exists.
 */
export async function register(
  emulator: Emulator,
  request: FastifyRequest,
  transaction: Transaction,
  submitted: Profile,
): Promise<Rejection | undefined> {
  const { attributes, emailAttribute } = emulator
  const values = formValues(attributes, submitted)
  const errors = validateProfile(attributes, values)
  if (errors.size > 0) return { kind: 'form', errors, messages: [] }

  const email = String(values[emailAttribute]).trim()
  const duplicate: Rejection = { kind: 'form', errors: new Map([[emailAttribute, [notUnique('Email')]]]), messages: [] }
  if (emulator.users.exists(email)) return duplicate

  const outcome = await callInlineHook(emulator.hookTarget(), {
    requestType: 'self.service.registration',
    userProfile: { ...values, login: email },
    ipAddress: request.ip,
    requestId: request.id,
  })
  if (outcome.kind === 'failed') return outcome
  if (outcome.kind === 'deny') return denial(outcome.causes, new Set(attributes.map((a) => a.name)), idxMessages.registration)

  // The consent box is a non-schema attribute: the hook sees it, the profile keeps only the hook's stamps.
  const profile: Profile = { ...values, login: email, ...outcome.updates }
  for (const { name, keptInProfile } of attributes) if (keptInProfile === false) delete profile[name]
  const login = typeof profile.login === 'string' ? profile.login : email
  const user = emulator.users.create(login, profile)
  if (!user) return duplicate
  transaction.user = user
  transaction.step = 'select-authenticator'
  return undefined
}

const PROFILE_LOCATION = /^data\.userProfile\.(.+)$/

/** A DENY: causes on a form attribute go under that field; others, and a bare DENY, become the banner. */
export function denial(causes: HookCause[] | undefined, onForm: Set<string>, wording: DenialWording): Rejection {
  if (causes === undefined) return { kind: 'form', errors: new Map(), messages: [wording.denied] }
  const errors: FieldErrors = new Map()
  const messages: IonMessage[] = []
  for (const cause of causes) {
    if (!cause.errorSummary) continue
    const attribute = PROFILE_LOCATION.exec(cause.location ?? '')?.[1]
    if (attribute !== undefined && onForm.has(attribute)) {
      errors.set(attribute, [...(errors.get(attribute) ?? []), { message: cause.errorSummary, class: 'ERROR' }])
    } else {
      messages.push(idxMessages.summary(cause.errorSummary))
    }
  }
  if (errors.size === 0 && messages.length === 0) messages.push(wording.cannotComplete)
  return { kind: 'form', errors, messages }
}
