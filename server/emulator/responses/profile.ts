import type { FieldErrors, FormAttribute } from '../profileForm.ts'
import { idxResponse, ionForm, messageList, remediations, type IonField, type IonMessage, type ResponseContext } from './ion.ts'

/** The sign-in form with the "Sign up" link (`select-enroll-profile`). */
export function identifyState(ctx: ResponseContext, messages: IonMessage[] = []) {
  return idxResponse(ctx, {
    remediation: remediations(
      ionForm(ctx, 'identify', '/idp/idx/identify', [{ name: 'identifier', label: 'Username', required: true }]),
      ionForm(ctx, 'select-enroll-profile', '/idp/idx/enroll'),
    ),
    ...(messages.length > 0 ? { messages: messageList(messages) } : {}),
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
  const userProfile = { name: 'userProfile', form: { value: attributes.map((a) => profileField(a, errors)) } }
  return idxResponse(ctx, {
    remediation: remediations(
      ionForm(ctx, 'enroll-profile', '/idp/idx/enroll/new', [userProfile]),
      ionForm(ctx, 'select-identify', '/idp/idx/identify/select'),
    ),
    ...(messages.length > 0 ? { messages: messageList(messages) } : {}),
  })
}
