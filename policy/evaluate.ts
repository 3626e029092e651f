import { consentStamps, isAccepted } from './consent.ts'
import { createDepartmentDirectory, type DepartmentDirectory } from './departments.ts'
import { checkEmail, type EmailProviders } from './email.ts'
import { checkName } from './names.ts'
import type { ProfileIssue, ReasonCode } from './reasons.ts'
import type { MessageKey, Policy } from './schema.ts'
import { fillMessage, listOr } from './text.ts'

export type ProfileValues = Readonly<Record<string, unknown>>

export interface EvaluationOptions {
  /**
   * `registration` checks every rule and requires email, department and consent; `profileUpdate`
   * (progressive profiling) checks only the attributes the update carries.
   */
  mode: 'registration' | 'profileUpdate'
  /** When consent was given, ISO 8601; stamped into the profile when consent is accepted. */
  acceptedAt?: string
  /** Free-mail and disposable lists; without them those checks are left to the server. */
  providers?: EmailProviders
}

export interface Evaluation {
  /** One issue per failing attribute, in form order. */
  issues: ProfileIssue[]
  /** Normalized values and consent stamps to write into the profile when there are no issues. */
  updates: Record<string, string>
}

export interface RegistrationPolicy {
  readonly policy: Policy
  readonly departments: DepartmentDirectory
  evaluate(profile: ProfileValues, options: EvaluationOptions): Evaluation
}

/** Prepares a validated policy once (directory index, messages) for many evaluations. */
export function compilePolicy(policy: Policy): RegistrationPolicy {
  const departments = createDepartmentDirectory(policy.department.directory)
  const { email: emailRules, names, department, consent, messages } = policy
  const placeholders = {
    allowedDomains: listOr(emailRules.allowedDomains),
    min: String(names.minLength),
    max: String(names.maxLength),
  }

  function evaluate(profile: ProfileValues, options: EvaluationOptions): Evaluation {
    const full = options.mode === 'registration'
    const issues: ProfileIssue[] = []
    const updates: Record<string, string> = {}
    const fail = (attribute: string, reason: ReasonCode, key: MessageKey, values: Record<string, string> = {}) => {
      issues.push({ attribute, reason, message: fillMessage(messages[key], { ...placeholders, ...values }) })
    }
    // Own properties only: a profile is parsed JSON, and attribute names come from the policy file.
    const value = (attribute: string) => (Object.hasOwn(profile, attribute) ? profile[attribute] : undefined)
    const has = (attribute: string) => value(attribute) !== undefined

    for (const attribute of names.attributes) {
      if (!has(attribute)) continue
      const name = checkName(value(attribute), names)
      if (name === undefined) fail(attribute, 'INVALID_NAME', 'invalidName')
      else updates[attribute] = name
    }

    if (full || has(emailRules.attribute)) {
      const raw = value(emailRules.attribute)
      const email = checkEmail(raw, emailRules, options.providers)
      if (!email.ok) {
        fail(emailRules.attribute, email.reason, email.message, email.domain ? { domain: email.domain } : {})
      } else {
        updates[emailRules.attribute] = email.email
        // Okta's login is usually the email; keep the two identical when they were.
        const login = value('login')
        if (typeof login === 'string' && typeof raw === 'string' && login.trim().toLowerCase() === raw.trim().toLowerCase()) {
          updates.login = email.email
        }
      }
    }

    if ((full && department.required) || has(department.attribute)) {
      const raw = value(department.attribute)
      const text = typeof raw === 'string' ? raw.trim() : ''
      const canonical = text === '' ? undefined : departments.canonical(text)
      if (canonical !== undefined) {
        updates[department.attribute] = canonical
      } else if (text === '') {
        if (department.required) fail(department.attribute, 'UNKNOWN_DEPARTMENT', 'departmentRequired')
      } else {
        const suggestion = department.suggest ? departments.suggest(text) : undefined
        if (suggestion) fail(department.attribute, 'UNKNOWN_DEPARTMENT', 'unknownDepartmentSuggestion', { suggestion })
        else fail(department.attribute, 'UNKNOWN_DEPARTMENT', 'unknownDepartment')
      }
    }

    const accepted = isAccepted(value(consent.attribute))
    if (full && consent.required && !accepted) fail(consent.attribute, 'TERMS_NOT_ACCEPTED', 'termsNotAccepted')
    if (accepted && options.acceptedAt) Object.assign(updates, consentStamps(consent, options.acceptedAt))

    return { issues, updates }
  }

  return { policy, departments, evaluate }
}
