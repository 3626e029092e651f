import { user } from '../authenticators/responses.ts'
import { idxResponse, ionForm, remediations, type IonMessage, type ResponseContext } from '../idx/ion.ts'
import type { FieldErrors, FormAttribute } from '../signUp/form.ts'
import { profileForm, withMessages } from '../signUp/responses.ts'

/** The sign-in form with the "Sign up" link (`select-enroll-profile`). */
export function identifyState(ctx: ResponseContext, messages: IonMessage[] = []) {
  return idxResponse(ctx, {
    remediation: remediations(
      ionForm(ctx, 'identify', '/idp/idx/identify', [{ name: 'identifier', label: 'Username', required: true }]),
      ionForm(ctx, 'select-enroll-profile', '/idp/idx/enroll'),
    ),
    ...withMessages(messages),
  })
}

/**
 * Progressive profiling: the same `enroll-profile` form, posted to `/idp/idx/enroll/update`, asking a signed-in
 * user only for the attributes they lack (Okta's enroll-profile-submit response).
 */
export function profileUpdateState(
  ctx: ResponseContext,
  missing: FormAttribute[],
  errors: FieldErrors = new Map(),
  messages: IonMessage[] = [],
) {
  return idxResponse(ctx, {
    remediation: remediations(ionForm(ctx, 'enroll-profile', '/idp/idx/enroll/update', [profileForm(missing, errors)])),
    ...user(ctx),
    ...withMessages(messages),
  })
}
