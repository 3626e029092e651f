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

/** The authenticator lists: each option's `relatesTo` must resolve into `authenticators`. */
function selectAuthenticator(ctx: ResponseContext) {
  const keys = remaining(ctx)
  const options = keys.map((key, index) => ({
    label: AUTHENTICATORS[key].displayName,
    value: {
      form: {
        value: [
          { name: 'id', required: true, value: AUTHENTICATORS[key].id, mutable: false },
          { name: 'methodType', required: false, value: AUTHENTICATORS[key].type, mutable: false },
        ],
      },
    },
    relatesTo: `$.authenticators.value[${index}]`,
  }))
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

function currentAuthenticator(ctx: ResponseContext, key: AuthenticatorKey) {
  if (key === 'password') return { ...AUTHENTICATORS.password, settings: { complexity: PASSWORD_COMPLEXITY, age: { minAgeMinutes: 0, historyCount: 0 } } }
  return {
    ...AUTHENTICATORS.email,
    resend: ionForm(ctx, 'resend', '/idp/idx/challenge/resend'),
    poll: ionForm(ctx, 'poll', '/idp/idx/challenge/poll', [], { refresh: 4000 }),
  }
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

/** A returning user's password challenge (`challenge-authenticator`), the only authenticator they sign in with. */
export function challengePasswordState(ctx: ResponseContext, errors: IonMessage[] = []) {
  const passcode: IonField = { name: 'passcode', label: 'Password', secret: true }
  return idxResponse(ctx, {
    remediation: remediations(answerForm(ctx, 'challenge-authenticator', passcode, errors, '$.currentAuthenticatorEnrollment')),
    currentAuthenticatorEnrollment: { type: 'object', value: AUTHENTICATORS.password },
    authenticators: { type: 'array', value: [AUTHENTICATORS.password] },
    authenticatorEnrollments: { type: 'array', value: [AUTHENTICATORS.password] },
    ...user(ctx),
  })
}
