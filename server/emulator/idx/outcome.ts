import type { IonMessage, ResponseContext } from './ion.ts'
import { idxResponse, messagesOnly } from './ion.ts'

/** The end of the registration: no remediation, only the code auth-js exchanges at the issuer's token URL. */
export function successState(ctx: ResponseContext, interactionCode: string, tokenUrl: string) {
  return idxResponse(ctx, {
    successWithInteractionCode: {
      rel: ['create-form'],
      name: 'issue',
      href: tokenUrl,
      method: 'POST',
      value: [
        { name: 'grant_type', required: true, value: 'interaction_code' },
        { name: 'interaction_code', required: true, value: interactionCode },
        { name: 'client_id', required: true, value: ctx.transaction.client.clientId },
        { name: 'code_verifier', required: true },
      ],
      accepts: 'application/x-www-form-urlencoded',
    },
  })
}

/**
 * The end of a transaction of the redirect model, as Okta ends its hosted page: no remediation, a `success`
 * link the widget follows with the browser (Gen2 through a form, Gen3 as a redirect).
 */
export function successRedirectState(ctx: ResponseContext, href: string) {
  return idxResponse(ctx, { success: { name: 'success-redirect', href } })
}

const error = (message: string, key?: string): IonMessage => ({ message, ...(key ? { i18n: { key } } : {}), class: 'ERROR' })

/** Okta's 401 for an unknown or expired stateHandle / interactionHandle. */
export const sessionExpired = () =>
  messagesOnly([
    error('You have been logged out due to inactivity. Refresh or return to the sign in screen.', 'idx.session.expired'),
  ])

/** The hook failed (after its retry), or its answer could not be used: the registration fails closed. */
export const accountCreationFailed = () =>
  messagesOnly([error('There was an error creating your account. Please try registering again.', 'registration.error.generic')])

/** How Okta words a hook's denial on one form: an `error` object without causes, and a DENY without one. */
export interface DenialWording {
  cannotComplete: IonMessage
  denied: IonMessage
}

/** The messages the emulator puts on a form or in its banner, in Okta's wording and i18n keys. */
export const idxMessages = {
  registration: {
    cannotComplete: error('Registration cannot be completed at this time.'),
    denied: error('Registration denied.'),
  } satisfies DenialWording,
  profileUpdate: {
    cannotComplete: error('We found some errors. Please review the form and make corrections.'),
    denied: error('Profile update denied.'),
  } satisfies DenialWording,
  summary: (text: string) => error(text),
  passcodeInvalid: error('Invalid code. Try again.', 'api.authn.error.PASSCODE_INVALID'),
  passwordRejected: error('Password requirements were not met', 'registration.error.password.passwordRequirementsNotMet'),
  /** Okta's E0000004, which the widget words itself; no account or a wrong password alike. */
  signInFailed: error('Unable to sign in', 'errors.E0000004'),
  passwordIncorrect: error('Password is incorrect'),
}

/** A challenge answered wrongly too often: the transaction is over, the user starts again (no form to retry). */
export const tooManyAttempts = () =>
  messagesOnly([error('Too many failed attempts. Start again to sign in or sign up.')])

/** The hook failed (after its retry) on a progressive-profile update: Okta's wording, no form. */
export const profileUpdateFailed = () =>
  messagesOnly([error('There was an error updating your profile. Please try again later.')])
