import { isAccepted, stampConsent } from './consent.ts'
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

  // The policy's own placeholders are filled once; only {domain} and {suggestion} depend on the profile.
  const filled = Object.fromEntries(
    Object.entries(messages).map(([key, template]) => [key, fillMessage(template, placeholders)]),
  ) as Record<MessageKey, string>
  // Defined once here, not per evaluation: the hook evaluates thousands of profiles a second.
  const issue = (attribute: string, reason: ReasonCode, key: MessageKey, values?: Record<string, string>): ProfileIssue => ({
    attribute,
    reason,
    message: values ? fillMessage(filled[key], values) : filled[key],
  })

  function evaluate(profile: ProfileValues, options: EvaluationOptions): Evaluation {
    const full = options.mode === 'registration'
    const issues: ProfileIssue[] = []
    const updates: Record<string, string> = {}

    for (const attribute of names.attributes) {
      const raw = valueOf(profile, attribute)
      if (raw === undefined) continue
      const name = checkName(raw, names)
      if (name === undefined) issues.push(issue(attribute, 'INVALID_NAME', 'invalidName'))
      else updates[attribute] = name
    }

    const rawEmail = valueOf(profile, emailRules.attribute)
    if (full || rawEmail !== undefined) {
      const email = checkEmail(rawEmail, emailRules, options.providers)
      if (!email.ok) {
        issues.push(issue(emailRules.attribute, email.reason, email.message, email.domain ? { domain: email.domain } : undefined))
      } else {
        updates[emailRules.attribute] = email.email
        // Okta's login is usually the email; keep the two identical when they were.
        const login = valueOf(profile, 'login')
        if (typeof login === 'string' && typeof rawEmail === 'string' && login.trim().toLowerCase() === rawEmail.trim().toLowerCase()) {
          updates.login = email.email
        }
      }
    }

    const rawDepartment = valueOf(profile, department.attribute)
    if ((full && department.required) || rawDepartment !== undefined) {
      const text = typeof rawDepartment === 'string' ? rawDepartment.trim() : ''
      const canonical = text === '' ? undefined : departments.canonical(text)
      if (canonical !== undefined) {
        updates[department.attribute] = canonical
      } else if (text === '') {
        if (department.required) issues.push(issue(department.attribute, 'UNKNOWN_DEPARTMENT', 'departmentRequired'))
      } else {
        const suggestion = department.suggest ? departments.suggest(text) : undefined
        if (suggestion) issues.push(issue(department.attribute, 'UNKNOWN_DEPARTMENT', 'unknownDepartmentSuggestion', { suggestion }))
        else issues.push(issue(department.attribute, 'UNKNOWN_DEPARTMENT', 'unknownDepartment'))
      }
    }

    const accepted = isAccepted(valueOf(profile, consent.attribute))
    if (full && consent.required && !accepted) issues.push(issue(consent.attribute, 'TERMS_NOT_ACCEPTED', 'termsNotAccepted'))
    if (accepted && options.acceptedAt) stampConsent(updates, consent, options.acceptedAt)

    return { issues, updates }
  }

  return { policy, departments, evaluate }
}

/** Own properties only: a profile is parsed JSON, and attribute names come from the policy file. */
function valueOf(profile: ProfileValues, attribute: string): unknown {
  return Object.hasOwn(profile, attribute) ? profile[attribute] : undefined
}
