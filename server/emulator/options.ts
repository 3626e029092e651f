import type { FastifyReply, RouteShorthandOptions } from 'fastify'
import type { FormAttribute } from './signUp/form.ts'
import type { SignInFactor } from './signIn/authenticationPolicy.ts'
import type { SeedUser } from './users/seed.ts'

/** Okta's hosted sign-in page: the brand's template with the widget, filled in for one response. */
export interface HostedSignInPage {
  /** What the page's route needs (its CSP), given the origins its final redirect may leave for. */
  routeOptions(redirectOrigins: string[]): RouteShorthandOptions
  /** Sends the page, its widget started with `settings` (how the widget looks is the page's). */
  send(reply: FastifyReply, settings: Record<string, unknown>): Promise<FastifyReply>
}

export interface EmulatorOptions {
  /** The only OAuth client the emulator knows. */
  clientId: string
  /** The client's sign-in redirect URIs (interact, authorize, token); a path is resolved against the request origin. */
  redirectUris: string[]
  /** Where `/v1/logout` may send the browser back to (the app's sign-out redirect URIs); paths as above. */
  signOutRedirectUris: string[]
  hook: {
    /** Where Okta would send the registration hook. Default: this server's own `/hooks/registration`. */
    url?: string
    authHeader: string
    authSecret: string
    /** Okta waits 3 s per attempt; tests may shorten it. */
    timeoutMs?: number
  }
  /** The org's sign-up form (profile enrollment), built by the app from its policy. */
  signUpForm: FormAttribute[]
  /** The page `/v1/authorize` answers with (the redirect model). */
  hostedPage: HostedSignInPage
  /** How long an IDX transaction lives. Default: one hour, as Okta's `expiresAt`. */
  transactionTtlMs?: number
  /** How many transactions live at once; one more evicts the oldest. Default: 1,000. */
  maxTransactions?: number
  /** How many sign-in sessions live at once; one more evicts the idlest. Default: 1,000. */
  maxSessions?: number
  /** What the authentication policy asks a returning user for (EMULATOR_SIGN_IN_FACTORS). Default: the password. */
  signInFactors?: SignInFactor[]
  /** Users the directory starts with (EMULATOR_USERS), as if registered with their password enrolled. */
  seedUsers?: SeedUser[]
}
