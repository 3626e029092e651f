import { z } from 'zod'
import { LanguageTag } from '../../policy/schema.ts'
import { SignInFactors } from '../emulator/signIn/authenticationPolicy.ts'
import { WidgetGeneration } from '../page/widgetBundle.ts'
import { RedisUrl } from './redisUrl.ts'
import { TrustProxy } from './trustProxy.ts'
import { HeaderName, HookSecret, HttpUrl } from './values.ts'

const optionalText = z.string().trim().min(1).optional()

/** A comma-separated list of URLs, each checked by `isValid` (a URL that does not parse fails too). */
const commaSeparated = (isValid: (url: string) => boolean, expected: string) =>
  z
    .string()
    .optional()
    .transform((list, ctx) => {
      const urls = (list ?? '').split(',').map((url) => url.trim()).filter(Boolean)
      for (const url of urls) {
        if (!URL.canParse(url) || !isValid(url)) ctx.addIssue({ code: 'custom', message: `"${url}" is not ${expected}` })
      }
      return urls
    })

/** Whether HOST only accepts connections from this machine: localhost, 127.0.0.0/8 or ::1. */
const isLoopback = (host: string) => /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host)

/** RFC 6749 §3.1.2: a redirection endpoint is an absolute URI without a fragment. */
const isRedirectUri = (uri: string) => /^https?:$/.test(new URL(uri).protocol) && !uri.includes('#')

/** Every environment variable the server reads; `.env.example` documents them. */
export const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Unset: the local Okta emulator is mounted on this origin and the page points at it. */
    OKTA_ISSUER: HttpUrl.optional(),
    OKTA_CLIENT_ID: optionalText,
    OKTA_REDIRECT_URI: HttpUrl.optional(),
    HOOK_AUTH_HEADER: HeaderName.default('authorization'),
    HOOK_AUTH_SECRET: HookSecret.optional(),
    HOOK_OAUTH_ISSUER: HttpUrl.optional(),
    HOOK_OAUTH_AUDIENCE: optionalText,
    /** Optional extra checks on Okta's bearer token: the hook's client id (`cid`) and custom scope (`scp`). */
    HOOK_OAUTH_CLIENT_ID: optionalText,
    HOOK_OAUTH_SCOPE: optionalText,
    POLICY_FILE: optionalText,
    /** Origins (comma-separated) allowed to call the departments API, e.g. an Okta custom domain. */
    CORS_ORIGINS: commaSeparated((origin) => new URL(origin).origin === origin, 'an origin like https://login.example.com'),
    DEPARTMENTS_RATE_LIMIT: z.coerce.number().int().min(1).default(300),
    /** Behind a load balancer: which proxies' X-Forwarded-For gives the client's address (rate limits, logs). */
    TRUST_PROXY: TrustProxy,
    /** Several replicas: the departments API's rate limits counted in this Redis, shared by all. */
    RATE_LIMIT_REDIS_URL: RedisUrl.optional(),
    /** `off` serves the page with the bare widget: to see what Okta and the hook do without the kit. */
    PAGE_KIT: z.enum(['on', 'off']).default('on'),
    /** Which Sign-In Widget the page and the hosted preview run. */
    WIDGET_GENERATION: WidgetGeneration.default('gen2'),
    /** Unset: the widget picks the language from the browser's; set: every visitor gets this one. */
    WIDGET_LANGUAGE: LanguageTag.optional(),
    /** Emulator only: where the emulator sends its hook calls (default: this server's own hook). */
    EMULATOR_HOOK_URL: HttpUrl.optional(),
    /** Emulator only: redirect URIs registered for OKTA_CLIENT_ID besides the page's own, for an app's own OIDC client. */
    EMULATOR_REDIRECT_URIS: commaSeparated(isRedirectUri, 'an absolute http(s) URL without a fragment'),
    /** Emulator only: a JSON file of users the emulator starts with (login, password, profile). */
    EMULATOR_USERS: optionalText,
    /** Emulator only: how many sign-in transactions live at once; one more evicts the oldest. */
    EMULATOR_MAX_TRANSACTIONS: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    /** Emulator only: what Okta's authentication policy asks a returning user for: `password`, or `password,email`. */
    EMULATOR_SIGN_IN_FACTORS: SignInFactors.default(['password']),
    /** Emulator only: `true` lets it listen on a non-loopback HOST (its outbox shows every code). */
    EMULATOR_ALLOW_REMOTE: z.enum(['true', 'false']).default('false'),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.HOOK_OAUTH_ISSUER) !== Boolean(env.HOOK_OAUTH_AUDIENCE)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.HOOK_OAUTH_ISSUER ? 'HOOK_OAUTH_AUDIENCE' : 'HOOK_OAUTH_ISSUER'],
        message: 'HOOK_OAUTH_ISSUER and HOOK_OAUTH_AUDIENCE are set together',
      })
    }
    if (!env.OKTA_ISSUER && !isLoopback(env.HOST) && env.EMULATOR_ALLOW_REMOTE !== 'true') {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message: `${env.HOST} is not a loopback address, and the emulator (OKTA_ISSUER unset) shows every code in its outbox: listen on 127.0.0.1, or set EMULATOR_ALLOW_REMOTE=true`,
      })
    }
    if (env.OKTA_ISSUER) {
      if (!env.OKTA_CLIENT_ID) {
        ctx.addIssue({ code: 'custom', path: ['OKTA_CLIENT_ID'], message: 'is required when OKTA_ISSUER is set' })
      }
      if (!env.HOOK_AUTH_SECRET && !env.HOOK_OAUTH_ISSUER) {
        ctx.addIssue({
          code: 'custom',
          path: ['HOOK_AUTH_SECRET'],
          message: 'set HOOK_AUTH_SECRET or HOOK_OAUTH_ISSUER/HOOK_OAUTH_AUDIENCE: the hook never runs unauthenticated against a real org',
        })
      }
    }
  })

export type Env = z.infer<typeof EnvSchema>

/** Reads the environment; empty values count as unset, as in most .env tooling. */
export function parseEnv(source: Record<string, string | undefined>): ReturnType<typeof EnvSchema.safeParse> {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''))
  return EnvSchema.safeParse(present)
}
