import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import type { JWTVerifyGetKey } from 'jose'
import { z } from 'zod'
import { compilePolicy } from '../policy/index.ts'
import { checkPolicy, type PolicyInput } from '../policy/schema.ts'
import departments, { DEPARTMENTS_PATH } from './departments/index.ts'
import { createEmailProviders } from './emailProviders.ts'
import { errorHandler } from './errorHandler.ts'
import { ConfigError } from './errors.ts'
import { HookAuth } from './hook/auth.ts'
import registrationHook, { HOOK_PATH } from './hook/index.ts'
import apiHeaders from './plugins/apiHeaders.ts'
import jsonBody from './plugins/jsonBody.ts'

const RoutePath = z.string().regex(/^\/[\w\-./~%]*$/, 'must be a path starting with /')

/** The plugin's options as written by the app that registers it; `policy` is checked as a policy file is. */
export const RegistrationApiOptions = z.object({
  auth: HookAuth,
  policy: z.unknown(),
  paths: z
    .object({
      hook: RoutePath.default(HOOK_PATH),
      /** false: no departments API (the picker then uses the policy's list in the browser). */
      departments: z.union([RoutePath, z.literal(false)]).default(DEPARTMENTS_PATH),
    })
    .prefault({}),
  departments: z
    .object({
      /** Origins allowed to search from the browser, e.g. an Okta-hosted page on a custom domain. */
      corsOrigins: z.array(z.url().refine((url) => new URL(url).origin === url, 'must be an origin like https://login.example.com')).default([]),
      /** Searches per minute per client IP. */
      rateLimit: z.int().min(1).default(300),
    })
    .prefault({}),
})

export type RegistrationApiOptions = Omit<z.input<typeof RegistrationApiOptions>, 'policy'> & {
  /** The policy, as a policy file holds it (defaults may be left out). */
  policy: PolicyInput
  /** Tests pass a local key set; otherwise the OAuth issuer's keys are discovered. */
  fetchKeys?: JWTVerifyGetKey
}

/** Checks the options at registration, so a bad value stops the app at boot, named. */
function checkOptions(raw: RegistrationApiOptions) {
  const problems: string[] = []
  const options = RegistrationApiOptions.safeParse(raw)
  if (!options.success) problems.push(...options.error.issues.map((issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}`))
  const policy = checkPolicy(raw?.policy)
  if (!policy.ok) problems.push(...policy.problems.map((problem) => `policy.${problem}`))
  if (!options.success || !policy.ok) throw new ConfigError(problems.map((problem) => `registration-kit/fastify: ${problem}`))
  return { ...options.data, policy: policy.policy }
}

/**
 * Okta's registration inline hook and the departments API for the picker, mounted on an existing Fastify
 * app: `app.register(registrationApi, { auth, policy })`. Encapsulated: its JSON parsing, error bodies and
 * headers apply to its own routes only. The departments search is rate limited by the app's
 * @fastify/rate-limit when it has one (e.g. shared through Redis), else by its own, per process.
 */
export default async function registrationApi(app: FastifyInstance, raw: RegistrationApiOptions) {
  const { auth, policy, paths, departments: search } = checkOptions(raw)
  const registration = compilePolicy(policy)
  app.setErrorHandler(errorHandler)
  if (!app.hasPlugin('json-body')) await app.register(jsonBody)
  if (!app.hasPlugin('api-headers')) await app.register(apiHeaders)
  if (!app.hasDecorator('rateLimit')) await app.register(rateLimit, { global: false })
  await app.register(registrationHook, { auth, registration, providers: createEmailProviders(), path: paths.hook, fetchKeys: raw.fetchKeys })
  if (paths.departments) {
    await app.register(departments, { directory: registration.departments, corsOrigins: search.corsOrigins, rateLimit: search.rateLimit, path: paths.departments })
  }
}
