import type { EvaluationOptions, RegistrationPolicy } from '../../../policy/index.ts'
import type { RegistrationData, RegistrationFailure } from '../types.ts'

export interface FormFields {
  mode: EvaluationOptions['mode']
  /** Whether the rendered form has an input for this profile attribute. */
  has(attribute: string): boolean
}

export type ProfileCheck = { ok: true; data: RegistrationData } | { ok: false; failure: RegistrationFailure }

/**
 * Runs the shared policy on the form's profile. Every issue becomes an error under its field, all at once.
 * Issues about attributes the form does not show are left to the server: the user could not fix them here.
 * On success the values go out trimmed and normalized exactly as the server would store them.
 */
export function checkProfile(data: RegistrationData, policy: RegistrationPolicy, form: FormFields): ProfileCheck {
  const profile = { ...(data.userProfile ?? {}) }
  for (const [attribute, value] of Object.entries(profile)) {
    if (typeof value === 'string') profile[attribute] = value.trim()
  }
  const { issues, updates } = policy.evaluate(profile, { mode: form.mode })
  const shown = issues.filter((issue) => form.has(issue.attribute))
  if (shown.length > 0) {
    return {
      ok: false,
      failure: {
        errorSummary: policy.policy.messages.summary,
        errorCauses: shown.map((issue) => ({ property: `userProfile.${issue.attribute}`, errorSummary: issue.message })),
      },
    }
  }
  // Only attributes the form already sends are rewritten: unknown keys would reach Okta (and be rejected).
  for (const [attribute, value] of Object.entries(updates)) {
    if (attribute in profile) profile[attribute] = value
  }
  return { ok: true, data: { ...data, userProfile: profile } }
}
