import type { FieldErrors, FormAttribute } from './form.ts'
import { idxResponse, ionForm, messageList, remediations, type IonField, type IonMessage, type ResponseContext } from '../idx/ion.ts'

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

/** The `userProfile` form of the sign-up and progressive-profile forms, with `errors` under their fields. */
export const profileForm = (attributes: FormAttribute[], errors: FieldErrors) => ({
  name: 'userProfile',
  form: { value: attributes.map((attribute) => profileField(attribute, errors)) },
})

/** Global messages (the banner), when there are any. */
export const withMessages = (messages: IonMessage[]) => (messages.length > 0 ? { messages: messageList(messages) } : {})

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
