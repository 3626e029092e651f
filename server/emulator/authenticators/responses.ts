import { AUTHENTICATORS, ENROLLMENT_ORDER, PASSWORD_COMPLEXITY } from './catalog.ts'
import type { AuthenticatorKey } from '../idx/transactions.ts'
import { idxResponse, ionForm, messageList, remediations, type IonField, type IonMessage, type ResponseContext } from '../idx/ion.ts'

const remaining = (ctx: ResponseContext) => ENROLLMENT_ORDER.filter((key) => !ctx.transaction.enrolled.has(key))

/** The `user` object of a transaction that has one: the widget shows who is signing in. */
export function user(ctx: ResponseContext) {
  const { user } = ctx.transaction
  if (!user) return {}
  const { firstName, lastName } = user.profile
  return { user: { type: 'object', value: { id: user.id, identifier: user.login, profile: { firstName, lastName } } } }
}

/** One authenticator to choose, by its id and method; `relatesTo` must resolve in the same response. */
const authenticatorOption = (key: AuthenticatorKey, relatesTo: string) => ({
  label: AUTHENTICATORS[key].displayName,
  value: {
    form: {
      value: [
        { name: 'id', required: true, value: AUTHENTICATORS[key].id, mutable: false },
        { name: 'methodType', required: false, value: AUTHENTICATORS[key].type, mutable: false },
      ],
    },
  },
  relatesTo,
})

/** The authenticator lists: each option's `relatesTo` must resolve into `authenticators`. */
function selectAuthenticator(ctx: ResponseContext) {
  const keys = remaining(ctx)
  const options = keys.map((key, index) => authenticatorOption(key, `$.authenticators.value[${index}]`))
  return {
    form: ionForm(ctx, 'select-authenticator-enroll', '/idp/idx/credential/enroll', [
      { name: 'authenticator', type: 'object', options },
    ]),
    context: {
      authenticators: { type: 'array', value: keys.map((key) => AUTHENTICATORS[key]) },
      authenticatorEnrollments: {
        type: 'array',
        value: ENROLLMENT_ORDER.filter((key) => ctx.transaction.enrolled.has(key)).map((key) => AUTHENTICATORS[key]),
      },
    },
  }
}

export function selectAuthenticatorState(ctx: ResponseContext) {
  const select = selectAuthenticator(ctx)
  return idxResponse(ctx, { remediation: remediations(select.form), ...select.context, ...user(ctx) })
}

/** An email code's "Send again" and the widget's poll while the user reads their mail. */
const emailCodeActions = (ctx: ResponseContext) => ({
  resend: ionForm(ctx, 'resend', '/idp/idx/challenge/resend'),
  poll: ionForm(ctx, 'poll', '/idp/idx/challenge/poll', [], { refresh: 4000 }),
})

function currentAuthenticator(ctx: ResponseContext, key: AuthenticatorKey) {
  if (key === 'password') return { ...AUTHENTICATORS.password, settings: { complexity: PASSWORD_COMPLEXITY, age: { minAgeMinutes: 0, historyCount: 0 } } }
  return { ...AUTHENTICATORS.email, ...emailCodeActions(ctx) }
}

/** The form that answers a challenge (`/idp/idx/challenge/answer`): one passcode field, `errors` under it. */
function answerForm(ctx: ResponseContext, name: string, passcode: IonField, errors: IonMessage[], relatesTo: string) {
  const field = errors.length > 0 ? { ...passcode, messages: messageList(errors) } : passcode
  return ionForm(ctx, name, '/idp/idx/challenge/answer', [{ name: 'credentials', type: 'object', form: { value: [field] }, required: true }], {
    relatesTo: [relatesTo],
  })
}

/** The code or password form for the authenticator being enrolled; `errors` go under its passcode field. */
export function enrollAuthenticatorState(ctx: ResponseContext, key: AuthenticatorKey, errors: IonMessage[] = []) {
  const passcode: IonField =
    key === 'password' ? { name: 'passcode', label: 'Enter password', secret: true } : { name: 'passcode', label: 'Enter code' }
  const select = selectAuthenticator(ctx)
  return idxResponse(ctx, {
    remediation: remediations(answerForm(ctx, 'enroll-authenticator', passcode, errors, '$.currentAuthenticator'), select.form),
    currentAuthenticator: { type: 'object', value: currentAuthenticator(ctx, key) },
    enrollmentAuthenticator: { type: 'object', value: AUTHENTICATORS[key] },
    ...select.context,
    ...user(ctx),
  })
}

/**
 * A returning user's challenge (`challenge-authenticator`): the passcode form first, then `alternatives`, with
 * the enrollment being challenged (`current` adds what only the current one carries).
 */
function challengeState(
  ctx: ResponseContext,
  key: AuthenticatorKey,
  passcode: IonField,
  errors: IonMessage[],
  enrollment: object,
  { current = {}, alternatives = [] }: { current?: object; alternatives?: object[] } = {},
) {
  return idxResponse(ctx, {
    remediation: remediations(answerForm(ctx, 'challenge-authenticator', passcode, errors, '$.currentAuthenticatorEnrollment'), ...alternatives),
    currentAuthenticatorEnrollment: { type: 'object', value: { ...enrollment, ...current } },
    authenticators: { type: 'array', value: [AUTHENTICATORS[key]] },
    authenticatorEnrollments: { type: 'array', value: [enrollment] },
    ...user(ctx),
  })
}

/** The password challenge, right after the username. */
export const challengePasswordState = (ctx: ResponseContext, errors: IonMessage[] = []) =>
  challengeState(ctx, 'password', { name: 'passcode', label: 'Password', secret: true }, errors, AUTHENTICATORS.password)

/** The address as Okta shows it on the challenge: the first and last letters of its local part, the domain. */
function maskedEmail(address: string) {
  const at = address.lastIndexOf('@')
  const local = address.slice(0, Math.max(at, 0))
  const hidden = local.length > 2 ? `${local[0]}${'*'.repeat(local.length - 2)}${local.at(-1)}` : `${local[0] ?? ''}***`
  return `${hidden}${address.slice(at < 0 ? address.length : at)}`
}

/**
 * The email challenge, when the authentication policy asks for a second factor: a code sent to the address
 * shown masked, with "Send again", the poll, and `select-authenticator-authenticate` to have a new one sent.
 * No magic link: the emulator's emails carry only the code.
 */
export function challengeEmailState(ctx: ResponseContext, errors: IonMessage[] = []) {
  const enrollment = { ...AUTHENTICATORS.email, profile: { email: maskedEmail(ctx.transaction.emailCode?.sentTo ?? '') } }
  const reselect = ionForm(ctx, 'select-authenticator-authenticate', '/idp/idx/challenge', [
    { name: 'authenticator', type: 'object', options: [authenticatorOption('email', '$.authenticatorEnrollments.value[0]')] },
  ])
  return challengeState(ctx, 'email', { name: 'passcode', label: 'Enter code' }, errors, enrollment, {
    current: { contextualData: { useEmailMagicLink: false }, ...emailCodeActions(ctx) },
    alternatives: [reselect],
  })
}
