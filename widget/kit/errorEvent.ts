import { MESSAGE_REASONS, type FieldMessageKey, type ReasonCode, type RegistrationPolicy } from '../../policy/index.ts'
import { profileAttribute } from './signUpForm.ts'
import type { FormIssue } from './validation/profileCheck.ts'
import type { RegistrationErrorEvent, RegistrationFailure, RegistrationProblem } from './types.ts'

interface WidgetErrorJson {
  errorSummary?: unknown
  errorCauses?: Array<{ property?: unknown; errorSummary?: unknown }>
}

type WidgetError = WidgetErrorJson & { xhr?: { responseJSON?: WidgetErrorJson }; responseJSON?: WidgetErrorJson }

/** Finds which of the policy's rules wrote a message, in any of its languages. */
export type ExplainMessage = (message: string) => ReasonCode | 'UNKNOWN'

/**
 * Reads a message back to its rule: every field message of every language becomes a pattern, its own
 * placeholders filled as the policy fills them and the per-profile ones ({domain}, {suggestion}) open.
 */
export function messageExplainer(policy: RegistrationPolicy): ExplainMessage {
  const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')
  const patterns = Object.keys(policy.policy.messages).flatMap((language) => {
    const messages = policy.messages(language)
    return (Object.keys(MESSAGE_REASONS) as FieldMessageKey[]).map((key) => ({
      reason: MESSAGE_REASONS[key],
      pattern: new RegExp(`^${escape(messages[key]).replace(/\\\{(?:domain|suggestion)\\\}/g, '.+?')}$`, 'u'),
    }))
  })
  return (message) => patterns.find(({ pattern }) => pattern.test(message.trim()))?.reason ?? 'UNKNOWN'
}

/** Turns the widget's `afterError(context, error)` arguments (the same on Gen2 and Gen3) into the page's event. */
export function serverErrorEvent(context: unknown, error: unknown, explain: ExplainMessage): RegistrationErrorEvent {
  const formName = (context as { formName?: unknown } | null)?.formName
  const raw = (error ?? {}) as WidgetError
  const json = raw.xhr?.responseJSON ?? raw.responseJSON ?? raw
  const errorCauses = (json.errorCauses ?? []).map((cause) => ({
    property: typeof cause.property === 'string' ? cause.property : '',
    errorSummary: texts(cause.errorSummary),
  }))
  return {
    formName: typeof formName === 'string' ? formName : undefined,
    source: 'server',
    errorSummary: texts(json.errorSummary ?? raw.errorSummary).join(' '),
    problems: errorCauses.flatMap(({ property, errorSummary }) =>
      errorSummary.map((message): RegistrationProblem => ({ attribute: attributeOf(property), reason: explain(message), message })),
    ),
    errorCauses,
  }
}

/** The kit's own rejection as the same event. */
export function rejectionEvent(formName: string, failure: RegistrationFailure, issues: readonly FormIssue[]): RegistrationErrorEvent {
  return {
    formName,
    source: 'kit',
    errorSummary: failure.errorSummary,
    problems: issues.map(({ attribute, reason, message }) => ({ attribute, reason, message })),
    errorCauses: failure.errorCauses.map(({ property, errorSummary }) => ({ property, errorSummary: [errorSummary] })),
  }
}

const attributeOf = (property: string) => profileAttribute(property) ?? property

/** The widget sends a cause's summary as a string or a list of strings. */
function texts(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((entry): entry is string => typeof entry === 'string' && entry !== '')
}
