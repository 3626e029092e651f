import type { IonMessage } from '../idx/ion.ts'
import type { Profile } from '../users/directory.ts'

/**
 * One attribute of the user profile policy's enrollment form, as an admin configures it in Okta. The app
 * builds the form (server/signUpForm.ts) and hands it to the emulator.
 */
export interface FormAttribute {
  name: string
  label: string
  required: boolean
  /** `email`: the login, exactly one on the form. `checkbox`: a boolean the widget shows as a check box. */
  kind: 'string' | 'email' | 'checkbox'
  /** false: the hook sees it, the profile keeps only what the hook makes of it (the consent box's stamps). */
  keptInProfile?: false
}

export type FieldErrors = Map<string, IonMessage[]>

// Okta's own wording (the widget's login.properties keys), so the widget shows its localized text.
const blank: IonMessage = {
  message: 'This field cannot be left blank',
  i18n: { key: 'model.validation.field.blank' },
  class: 'ERROR',
}
const notAnEmail = (label: string): IonMessage => ({
  message: `'${label}' must be in the form of an email address`,
  i18n: { key: 'registration.error.invalidLoginEmail', params: [label] },
  class: 'ERROR',
})
const notThePattern = (label: string): IonMessage => ({
  message: `Provided value for property '${label}' does not match required pattern`,
  i18n: { key: 'registration.error.doesNotMatchPattern', params: [label] },
  class: 'ERROR',
})
export const notUnique = (label: string): IonMessage => ({
  message: `A user with this ${label} already exists`,
  i18n: { key: 'registration.error.notUniqueWithinOrg', params: [label] },
  class: 'ERROR',
})

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * The checks Okta makes before it calls the hook: required attributes present, the email well formed and a
 * required checkbox checked (the widget submits an unchecked one as `false`). Business rules are the hook's.
 */
export function validateProfile(attributes: FormAttribute[], profile: Profile): FieldErrors {
  const errors: FieldErrors = new Map()
  for (const { name, label, required, kind } of attributes) {
    const value = profile[name]
    if (kind === 'checkbox') {
      if (required && value !== true && value !== 'true') errors.set(name, [blank])
      continue
    }
    const text = typeof value === 'string' ? value.trim() : ''
    if (text === '') {
      if (required) errors.set(name, [blank])
    } else if (kind === 'email' && !EMAIL.test(text)) {
      // Okta sends both: the address is not an email, and it fails the login attribute's pattern.
      errors.set(name, [notAnEmail(label), notThePattern(label)])
    }
  }
  return errors
}

/** The submitted values of the form's attributes only, with radio-style booleans coerced. */
export function formValues(attributes: FormAttribute[], submitted: Profile): Profile {
  const values: Profile = {}
  for (const { name, kind } of attributes) {
    const value = submitted[name]
    if (value === undefined) continue
    values[name] = kind === 'checkbox' ? value === true || value === 'true' : value
  }
  return values
}
