import type { FastifyInstance } from 'fastify'
import type { JWTVerifyGetKey } from 'jose'
import type { EmailProviders, RegistrationPolicy } from '../../policy/index.ts'
import type { HookAuthConfig } from './auth.ts'
import { HookUnauthorizedError } from '../errors.ts'
import { createAuthenticator } from './auth.ts'
import { HOOK_PATH, hookRouteSchema, type HookRequest } from './contract.ts'
import { classifyRequest } from './request.ts'
import { toHookResponse } from './response.ts'

export interface RegistrationHookOptions {
  auth: HookAuthConfig
  registration: RegistrationPolicy
  providers: EmailProviders
  /** Where Okta calls; default HOOK_PATH. */
  path?: string
  /** Tests pass a local key set; production discovers the issuer's JWKS. */
  fetchKeys?: JWTVerifyGetKey
}

export const HOOK_BODY_LIMIT = 64 * 1024
export { HOOK_PATH }

/** Okta's registration inline hook: POST HOOK_PATH (or `path`). No I/O on this path: all rules are in memory. */
export default async function registrationHook(app: FastifyInstance, options: RegistrationHookOptions) {
  const authenticate = createAuthenticator(options.auth, { log: app.log, fetchKeys: options.fetchKeys })
  const { registration, providers } = options
  const emailAttribute = registration.policy.email.attribute
  const localeAttribute = registration.policy.locale.attribute

  app.post<{ Body: HookRequest }>(
    options.path ?? HOOK_PATH,
    {
      schema: hookRouteSchema,
      bodyLimit: HOOK_BODY_LIMIT,
      // Before the body is read: unauthenticated callers get a bare 401 and cost no parsing. A callback
      // hook: the header secret is checked at once, and only a bearer token waits on a promise.
      onRequest: (request, _reply, done) => {
        const verdict = authenticate(request.headers)
        if (typeof verdict === 'boolean') return done(unauthorized(verdict))
        verdict.then((ok) => done(unauthorized(ok)), done)
      },
    },
    async (request, reply) => {
      const { kind, profile, acceptedAt, locale } = classifyRequest(request.body, localeAttribute)
      const evaluation = registration.evaluate(profile, { mode: kind, acceptedAt, providers, locale })
      request.log.info(
        {
          eventId: request.body.eventId,
          requestType: kind,
          decision: evaluation.issues.length === 0 ? 'allow' : 'deny',
          reasons: evaluation.issues.map((issue) => issue.reason),
          emailDomain: domainOf(profile[emailAttribute]),
          latencyMs: Number(reply.elapsedTime.toFixed(2)),
        },
        'registration hook decision',
      )
      return toHookResponse(evaluation, kind, registration.messages(locale).summary)
    },
  )
}

const unauthorized = (ok: boolean) => (ok ? undefined : new HookUnauthorizedError())

/** Only the domain of an address ever reaches the logs. */
function domainOf(email: unknown): string | undefined {
  if (typeof email !== 'string' || !email.includes('@')) return undefined
  return email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase().slice(0, 253)
}
