import { isAccepted, stampConsent } from './consent.ts'
import { createDepartmentDirectory, type DepartmentDirectory } from './departments.ts'
import { checkEmail, type EmailProviders } from './email.ts'
import { checkName } from './names.ts'
import type { ProfileIssue } from './reasons.ts'
import { MESSAGE_REASONS, matchLanguage, type FieldMessageKey, type MessageSet } from './messages.ts'
import type { Policy } from './schema.ts'
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
  /**
   * The user's language (BCP 47), when known: messages come in it (or the closest the policy has), and
   * the consent stamp records it. Unknown: the policy's default language, and no locale stamp.
   */
  locale?: string
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
  /** The language the policy has messages in that best serves `locale` (its default when unknown). */
  language(locale: string | undefined): string
  /** The policy's messages in that language, its own placeholders filled. */
  messages(locale: string | undefined): MessageSet
}

/** Prepares a validated policy once (directory index, messages) for many evaluations. */
export function compilePolicy(policy: Policy): RegistrationPolicy {
  const departments = createDepartmentDirectory(policy.department.directory)
  const { email: emailRules, names, department, consent, messages } = policy
  const languages = Object.keys(messages)
  const fallback = matchLanguage(policy.locale.default, languages, 'en')
  const language = (locale: string | undefined) => matchLanguage(locale, languages, fallback)

  // The policy's own placeholders are filled once per language; only {domain} and {suggestion} depend on the profile.
  const filled: Record<string, MessageSet> = Object.fromEntries(
    languages.map((lang) => {
      const placeholders = {
        allowedDomains: listOr(emailRules.allowedDomains, lang),
        min: String(names.minLength),
        max: String(names.maxLength),
      }
      const set = Object.fromEntries(Object.entries(messages[lang]!).map(([key, template]) => [key, fillMessage(template, placeholders)]))
      return [lang, set as MessageSet]
    }),
  )

  function evaluate(profile: ProfileValues, options: EvaluationOptions): Evaluation {
    const full = options.mode === 'registration'
    const lang = language(options.locale)
    const texts = filled[lang]!
    const issues: ProfileIssue[] = []
    const updates: Record<string, string> = {}

    for (const attribute of names.attributes) {
      const raw = valueOf(profile, attribute)
      if (raw === undefined) continue
      const name = checkName(raw, names)
      if (name === undefined) issues.push(issue(texts, attribute, 'invalidName'))
      else updates[attribute] = name
    }

    const rawEmail = valueOf(profile, emailRules.attribute)
    if (full || rawEmail !== undefined) {
      const email = checkEmail(rawEmail, emailRules, options.providers)
      if (!email.ok) {
        issues.push(issue(texts, emailRules.attribute, email.message, email.domain ? { domain: email.domain } : undefined))
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
        if (department.required) issues.push(issue(texts, department.attribute, 'departmentRequired'))
      } else {
        const suggestion = department.suggest ? departments.suggest(text) : undefined
        if (suggestion) issues.push(issue(texts, department.attribute, 'unknownDepartmentSuggestion', { suggestion }))
        else issues.push(issue(texts, department.attribute, 'unknownDepartment'))
      }
    }

    const accepted = isAccepted(valueOf(profile, consent.attribute))
    if (full && consent.required && !accepted) issues.push(issue(texts, consent.attribute, 'termsNotAccepted'))
    if (accepted && options.acceptedAt) stampConsent(updates, consent, options.acceptedAt, options.locale && lang)

    return { issues, updates }
  }

  return { policy, departments, evaluate, language, messages: (locale) => filled[language(locale)]! }
}

// Module level, not a closure per evaluation: the hook evaluates thousands of profiles a second.
function issue(texts: MessageSet, attribute: string, key: FieldMessageKey, values?: Record<string, string>): ProfileIssue {
  return { attribute, reason: MESSAGE_REASONS[key], message: values ? fillMessage(texts[key], values) : texts[key] }
}

/** Own properties only: a profile is parsed JSON, and attribute names come from the policy file. */
function valueOf(profile: ProfileValues, attribute: string): unknown {
  return Object.hasOwn(profile, attribute) ? profile[attribute] : undefined
}
