import type { EvaluationOptions, ProfileIssue, RegistrationPolicy } from '../../../policy/index.ts'
import { profileField } from '../signUpForm.ts'
import type { RegistrationData, RegistrationFailure } from '../types.ts'

export interface FormFields {
  mode: EvaluationOptions['mode']
  /** Whether the rendered form has an input for this profile attribute. */
  has(attribute: string): boolean
  /** The language the widget renders the form in, when it can be read. */
  locale: string | undefined
  /** The profile attributes the form requires (the kit checks them: see registrationHooks). */
  required?: ReadonlySet<string>
  /** What to say under a required field left blank, in the form's language. */
  blankMessage?: string
}

/** What an adapter knows of the rendered form; the kit adds the rest. */
export type FormView = Omit<FormFields, 'required' | 'blankMessage'>

/** A problem the kit found: one of the policy's, or a required field left blank. */
export type FormIssue = Omit<ProfileIssue, 'reason'> & { reason: ProfileIssue['reason'] | 'REQUIRED' }

export type ProfileCheck =
  | { ok: true; data: RegistrationData }
  | { ok: false; failure: RegistrationFailure; issues: FormIssue[] }

/**
 * Runs the shared policy on the form's profile, in the user's language. Every issue becomes an error
 * under its field, all at once. Issues about attributes the form does not show are left to the server:
 * the user could not fix them here. On success the values go out trimmed and normalized exactly as the
 * server would store them, with the user's language in the policy's locale attribute when the form has it.
 */
export function checkProfile(data: RegistrationData, policy: RegistrationPolicy, form: FormFields): ProfileCheck {
  const profile = { ...(data.userProfile ?? {}) }
  for (const [attribute, value] of Object.entries(profile)) {
    if (typeof value === 'string') profile[attribute] = value.trim()
  }
  const localeAttribute = policy.policy.locale.attribute
  if (localeAttribute && form.locale && form.has(localeAttribute)) profile[localeAttribute] = form.locale
  const { issues, updates } = policy.evaluate(profile, { mode: form.mode, locale: form.locale })
  const shown: FormIssue[] = issues.filter((issue) => form.has(issue.attribute))
  // Required fields the policy has no rule for (an admin's own): blank is the one problem the kit can tell.
  for (const attribute of form.required ?? []) {
    if (!form.has(attribute) || shown.some((issue) => issue.attribute === attribute) || !isBlank(profile[attribute])) continue
    shown.push({ attribute, reason: 'REQUIRED', message: form.blankMessage ?? '' })
  }
  if (shown.length > 0) {
    return {
      ok: false,
      failure: {
        errorSummary: policy.messages(form.locale).summary,
        errorCauses: shown.map((issue) => ({ property: profileField(issue.attribute), errorSummary: issue.message })),
      },
      issues: shown,
    }
  }
  // Only attributes the form already sends are rewritten: unknown keys would reach Okta (and be rejected).
  for (const [attribute, value] of Object.entries(updates)) {
    if (attribute in profile) profile[attribute] = value
  }
  return { ok: true, data: { ...data, userProfile: profile } }
}

/** Nothing typed, or a required checkbox left unchecked (the widget sends `false`). */
const isBlank = (value: unknown) => value === undefined || value === null || value === '' || value === false
