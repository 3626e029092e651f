import type { RegistrationPolicy } from '../policy/index.ts'
import type { FormAttribute } from './emulator/signUp/form.ts'

/**
 * The emulator's sign-up form, as an admin would set up Okta's profile enrollment for this policy: Okta's base attributes, then the policy's department and consent attributes, and
 * the language attribute when the policy names one (an optional field the kit hides and fills).
 */
export function signUpForm({ policy }: RegistrationPolicy): FormAttribute[] {
  const [first = 'firstName', last = 'lastName'] = policy.names.attributes
  return [
    { name: first, label: 'First name', required: true, kind: 'string' },
    { name: last, label: 'Last name', required: true, kind: 'string' },
    { name: policy.email.attribute, label: 'Email', required: true, kind: 'email' },
    // A plain text field: the kit upgrades it into the type-ahead picker.
    { name: policy.department.attribute, label: 'Department', required: policy.department.required, kind: 'string' },
    {
      name: policy.consent.attribute,
      label: 'I agree to the Terms of Service and Privacy Policy',
      required: policy.consent.required,
      kind: 'checkbox',
      keptInProfile: false,
    },
    ...(policy.locale.attribute ? [{ name: policy.locale.attribute, label: 'Language', required: false, kind: 'string' as const }] : []),
  ]
}
