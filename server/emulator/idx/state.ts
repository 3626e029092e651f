import type { FormAttribute } from '../signUp/form.ts'
import { missingAttributes } from '../signIn/progressiveProfile.ts'
import { challengeEmailState, challengePasswordState, enrollAuthenticatorState, selectAuthenticatorState } from '../authenticators/responses.ts'
import type { ResponseContext } from './ion.ts'
import { tokenRedirectUrl } from '../oauth/tokenRedirect.ts'
import { successRedirectState, successState } from './outcome.ts'
import { identifyState, profileUpdateState } from '../signIn/responses.ts'
import { enrollProfileState } from '../signUp/responses.ts'

/**
 * The transaction's current state, as introspect, poll and resend return it: the widget re-introspects on
 * reload and polls during the email challenge, so this must always reflect where the user really is.
 */
export function currentState(ctx: ResponseContext, attributes: FormAttribute[], tokenUrl: string) {
  const { transaction } = ctx
  switch (transaction.step) {
    case 'identify':
      return identifyState(ctx)
    case 'enroll-profile':
      return enrollProfileState(ctx, attributes)
    case 'select-authenticator':
      return selectAuthenticatorState(ctx)
    case 'enroll-email':
      return enrollAuthenticatorState(ctx, 'email')
    case 'enroll-password':
      return enrollAuthenticatorState(ctx, 'password')
    case 'challenge-password':
      return challengePasswordState(ctx)
    case 'challenge-email':
      return challengeEmailState(ctx)
    case 'enroll-update':
      return profileUpdateState(ctx, missingAttributes(attributes, transaction.user))
    case 'success':
      return transaction.model === 'redirect'
        ? successRedirectState(ctx, tokenRedirectUrl(ctx.origin, transaction.stateHandle))
        : successState(ctx, transaction.interactionCode ?? '', tokenUrl)
  }
}
