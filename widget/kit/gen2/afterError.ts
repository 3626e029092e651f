import type { RegistrationErrorEvent } from '../types.ts'

interface Gen2ErrorJson {
  errorSummary?: unknown
  errorCauses?: Array<{ property?: unknown; errorSummary?: unknown }>
}

/** Turns Gen2's `afterError(context, error)` arguments into the kit's analytics event. */
export function toErrorEvent(context: unknown, error: unknown): RegistrationErrorEvent {
  const formName = (context as { formName?: unknown } | null)?.formName
  const json: Gen2ErrorJson =
    (error as { xhr?: { responseJSON?: Gen2ErrorJson }; responseJSON?: Gen2ErrorJson } | null)?.xhr?.responseJSON ??
    (error as { responseJSON?: Gen2ErrorJson } | null)?.responseJSON ??
    (error as Gen2ErrorJson | null) ??
    {}
  const asList = (value: unknown): string[] =>
    (Array.isArray(value) ? value : [value]).filter((entry): entry is string => typeof entry === 'string' && entry !== '')
  return {
    formName: typeof formName === 'string' ? formName : undefined,
    errorSummary: asList(json.errorSummary).join(' ') || asList((error as { errorSummary?: unknown } | null)?.errorSummary).join(' '),
    errorCauses: (json.errorCauses ?? []).map((cause) => ({
      property: typeof cause.property === 'string' ? cause.property : '',
      errorSummary: asList(cause.errorSummary),
    })),
  }
}
