import createError from '@fastify/error'
import { z } from 'zod'

// Every deliberate failure has a stable code and status; the error handler passes 4xx messages through.
export const HookUnauthorizedError = createError('RK_HOOK_UNAUTHORIZED', 'Unauthorized', 401)
export const HookMissingProfileError = createError<[string]>('RK_HOOK_MISSING_PROFILE', '%s', 400)

/** A bad environment value or policy file; the server refuses to start and prints every problem. */
export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}
export const InvalidJsonBodyError = createError<[string]>('RK_INVALID_JSON_BODY', 'Request body is not valid JSON: %s', 400)
export const InvalidHostError = createError('RK_INVALID_HOST', 'Host header must be a host name or IP address with an optional port', 400)
export const MissingHostError = createError('RK_MISSING_HOST', 'Host header is required: this answer holds links to this server', 400)

/** The JSON body of every error answer: route schemas serialize it, the OpenAPI document describes it. */
export const ErrorBody = z.object({
  statusCode: z.number(),
  /** The stable code of a client error (`RK_…`, `FST_…`); server errors have none. */
  code: z.string().optional(),
  error: z.string(),
  message: z.string(),
})
export type ErrorBody = z.infer<typeof ErrorBody>
