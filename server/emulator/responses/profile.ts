import type { FieldErrors, FormAttribute } from '../profileForm.ts'
import { user } from './authenticators.ts'
import { idxResponse, ionForm, messageList, remediations, type IonField, type IonMessage, type ResponseContext } from './ion.ts'

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

function profileField(attribute: FormAttribute, errors: FieldErrors): IonField {
  const field: IonField = { name: attribute.name, label: attribute.label, required: attribute.required }
  if (attribute.kind === 'checkbox') {
    field.type = 'boolean'
    field.options = [{ label: 'display', value: { type: 'object', value: { inputType: 'checkbox' } } }]
  }
  const messages = errors.get(attribute.name)
  if (messages) field.messages = messageList(messages)
  return field
}

const profileForm = (attributes: FormAttribute[], errors: FieldErrors) => ({
  name: 'userProfile',
  form: { value: attributes.map((attribute) => profileField(attribute, errors)) },
})

const withMessages = (messages: IonMessage[]) => (messages.length > 0 ? { messages: messageList(messages) } : {})

/**
 * The sign-up form. It must be remediation[0]: Gen2 renders field errors only from the first remediation,
 * and this same builder answers a DENY or a validation error.
 */
export function enrollProfileState(
  ctx: ResponseContext,
  attributes: FormAttribute[],
  errors: FieldErrors = new Map(),
  messages: IonMessage[] = [],
) {
  return idxResponse(ctx, {
    remediation: remediations(
      ionForm(ctx, 'enroll-profile', '/idp/idx/enroll/new', [profileForm(attributes, errors)]),
      ionForm(ctx, 'select-identify', '/idp/idx/identify/select'),
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
