import type { RegistrationErrorEvent, RegistrationFailure } from './types.ts'

interface Gen2ErrorJson {
  errorSummary?: unknown
  errorCauses?: Array<{ property?: unknown; errorSummary?: unknown }>
}

type Gen2Error = Gen2ErrorJson & { xhr?: { responseJSON?: Gen2ErrorJson }; responseJSON?: Gen2ErrorJson }

/** Turns the widget's `afterError(context, error)` arguments (the same on Gen2 and Gen3) into the kit's analytics event. */
export function toErrorEvent(context: unknown, error: unknown): RegistrationErrorEvent {
  const formName = (context as { formName?: unknown } | null)?.formName
  const raw = (error ?? {}) as Gen2Error
  // Server answers and preSubmit failures both arrive as `xhr.responseJSON`; the rest is defensive.
  const json = raw.xhr?.responseJSON ?? raw.responseJSON ?? raw
  return {
    formName: typeof formName === 'string' ? formName : undefined,
    errorSummary: texts(json.errorSummary).join(' ') || texts(raw.errorSummary).join(' '),
    errorCauses: (json.errorCauses ?? []).map((cause) => ({
      property: typeof cause.property === 'string' ? cause.property : '',
      errorSummary: texts(cause.errorSummary),
    })),
  }
}

/** Gen2 sends a cause's summary as a string or a list of strings. */
function texts(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((entry): entry is string => typeof entry === 'string' && entry !== '')
}

/** The kit's own rejection as the same analytics event, for widgets that do not report it themselves. */
export function rejectionEvent(formName: string, failure: RegistrationFailure): RegistrationErrorEvent {
  return {
    formName,
    errorSummary: failure.errorSummary,
    errorCauses: failure.errorCauses.map(({ property, errorSummary }) => ({ property, errorSummary: [errorSummary] })),
  }
}
