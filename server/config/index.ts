import { randomBytes } from 'node:crypto'
import { ConfigError } from '../errors.ts'
import { parseEnv } from './env.ts'
import type { SignInFactor } from '../emulator/signIn/authenticationPolicy.ts'
import { readSeedUsers, type SeedUser } from '../emulator/users/seed.ts'
import { policyFilePath, readPolicyFile } from './policyFile.ts'
import type { Policy } from '../../policy/schema.ts'
import type { WidgetGeneration } from '../page/widgetBundle.ts'
import type { HookAuthConfig } from '../hook/auth.ts'


/** Where the page's widget signs in: a real org, or the local emulator on this origin. */
export type OktaTarget =
  | { mode: 'org'; issuer: string; clientId: string; redirectUri?: string }
  | { mode: 'emulator'; clientId: string; hookUrl?: string; redirectUris: string[]; seedUsers: SeedUser[]; maxTransactions: number; signInFactors: SignInFactor[] }

export interface Config {
  host: string
  port: number
  logLevel: string
  okta: OktaTarget
  hookAuth: HookAuthConfig
  policy: Policy
  policyFile: string
  corsOrigins: string[]
  departmentsRateLimit: number
  /** Fastify's trustProxy: which proxies' X-Forwarded-For is believed. */
  trustProxy: boolean | string
  /** Where every replica counts the rate limits; unset: each process counts its own. */
  rateLimitRedisUrl: string | undefined
  /** Whether the page applies the customization kit to its widget. */
  pageKit: boolean
  widgetGeneration: WidgetGeneration
  /** The language every visitor gets, or the browser's when unset. */
  widgetLanguage: string | undefined
}

export const EMULATOR_CLIENT_ID = 'registration-kit-local'

/** One validated object from the environment and the policy file; throws a ConfigError naming every bad value. */
export function loadConfig(source: Record<string, string | undefined>): Config {
  const env = parseEnv(source)
  const problems = env.success ? [] : env.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
  const policyFile = policyFilePath(source.POLICY_FILE)
  const policy = readPolicyFile(policyFile)
  if (!policy.ok) problems.push(...policy.problems)
  const seed = env.success && !env.data.OKTA_ISSUER && env.data.EMULATOR_USERS ? readSeedUsers(env.data.EMULATOR_USERS) : { ok: true as const, users: [] }
  if (!seed.ok) problems.push(...seed.problems)
  if (!env.success || !policy.ok || !seed.ok) throw new ConfigError(problems)

  const e = env.data
  const okta: OktaTarget = e.OKTA_ISSUER
    ? { mode: 'org', issuer: e.OKTA_ISSUER, clientId: e.OKTA_CLIENT_ID!, redirectUri: e.OKTA_REDIRECT_URI }
    : { mode: 'emulator', clientId: e.OKTA_CLIENT_ID ?? EMULATOR_CLIENT_ID, hookUrl: e.EMULATOR_HOOK_URL, redirectUris: e.EMULATOR_REDIRECT_URIS, seedUsers: seed.users, maxTransactions: e.EMULATOR_MAX_TRANSACTIONS, signInFactors: e.EMULATOR_SIGN_IN_FACTORS }
  // Offline, the emulator is the only caller: a per-process secret keeps the hook authenticated anyway.
  const secret = e.HOOK_AUTH_SECRET ?? (okta.mode === 'emulator' ? randomBytes(32).toString('base64url') : undefined)
  return {
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    okta,
    hookAuth: {
      header: secret ? { name: e.HOOK_AUTH_HEADER, secret } : undefined,
      oauth:
        e.HOOK_OAUTH_ISSUER && e.HOOK_OAUTH_AUDIENCE
          ? { issuer: e.HOOK_OAUTH_ISSUER, audience: e.HOOK_OAUTH_AUDIENCE, clientId: e.HOOK_OAUTH_CLIENT_ID, scope: e.HOOK_OAUTH_SCOPE }
          : undefined,
    },
    policy: policy.policy,
    policyFile,
    corsOrigins: e.CORS_ORIGINS,
    departmentsRateLimit: e.DEPARTMENTS_RATE_LIMIT,
    trustProxy: e.TRUST_PROXY,
    rateLimitRedisUrl: e.RATE_LIMIT_REDIS_URL,
    pageKit: e.PAGE_KIT === 'on',
    widgetGeneration: e.WIDGET_GENERATION,
    widgetLanguage: e.WIDGET_LANGUAGE,
  }
}
