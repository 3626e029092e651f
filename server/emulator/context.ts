import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HOOK_PATH, OKTA_HOOK_BUDGET_MS } from '../hook/contract.ts'
import { onRequestOrigin, requestOrigin } from '../plugins/hostHeader.ts'
import { createGrantCodes, type GrantCodes } from './oauth/codes.ts'
import type { HookTarget } from './inlineHook/client.ts'
import { createSigningKey, type SigningKey } from './oauth/keys.ts'
import { createRefreshTokens, type RefreshTokens } from './oauth/refreshTokens.ts'
import { createRevokedAccessTokens, type RevokedAccessTokens } from './oauth/revokedAccessTokens.ts'
import type { EmulatorOptions } from './options.ts'
import { createOutbox, type Outbox } from './outbox/outbox.ts'
import type { FormAttribute } from './signUp/form.ts'
import type { ResponseContext } from './idx/ion.ts'
import { createTransactionStore, type Transaction, type TransactionStore } from './idx/transactions.ts'
import { createSessionStore, type SessionStore } from './sessions/store.ts'
import type { SignInFactor } from './signIn/authenticationPolicy.ts'
import { createUserDirectory, setPassword, type UserDirectory } from './users/directory.ts'

/** Everything the emulator's routes share: one org, in memory. */
export interface Emulator {
  options: EmulatorOptions
  attributes: FormAttribute[]
  /** The form's email attribute: the login, and where the emulator sends codes. */
  emailAttribute: string
  transactions: TransactionStore
  sessions: SessionStore
  /** The authentication policy: the password, and the email code when it asks for that too. */
  signInFactors: SignInFactor[]
  codes: GrantCodes
  refreshTokens: RefreshTokens
  revokedAccessTokens: RevokedAccessTokens
  users: UserDirectory
  outbox: Outbox
  key: SigningKey
  hookTarget(): HookTarget
}

/** The emulator's authorization server, as a path on the app's origin (Okta's default server). */
export const EMULATOR_ISSUER_PATH = '/oauth2/default'

const HOUR_MS = 60 * 60_000
const DEFAULT_MAX_TRANSACTIONS = 1000
/** Okta's default global session policy ends a session after two hours without use. */
const SESSION_IDLE_MS = 2 * HOUR_MS
const DEFAULT_MAX_SESSIONS = 1000

export async function createEmulator(app: FastifyInstance, options: EmulatorOptions): Promise<Emulator> {
  const emailAttribute = options.signUpForm.find((attribute) => attribute.kind === 'email')?.name
  if (!emailAttribute) throw new Error('The sign-up form has no email attribute: Okta needs one for the login')
  const users = createUserDirectory()
  for (const seed of options.seedUsers ?? []) {
    const user = users.create(seed.login, { email: seed.login, ...seed.profile, login: seed.login })
    if (user) await setPassword(user, seed.password)
  }
  return {
    options,
    attributes: options.signUpForm,
    emailAttribute,
    transactions: createTransactionStore(options.transactionTtlMs ?? HOUR_MS, options.maxTransactions ?? DEFAULT_MAX_TRANSACTIONS),
    sessions: createSessionStore(SESSION_IDLE_MS, options.maxSessions ?? DEFAULT_MAX_SESSIONS),
    signInFactors: options.signInFactors ?? ['password'],
    codes: createGrantCodes(),
    refreshTokens: createRefreshTokens(),
    revokedAccessTokens: createRevokedAccessTokens(),
    users,
    outbox: createOutbox(),
    key: createSigningKey(),
    hookTarget: () => ({
      url: options.hook.url ?? ownHookUrl(app),
      authHeader: options.hook.authHeader,
      authSecret: options.hook.authSecret,
      timeoutMs: options.hook.timeoutMs ?? OKTA_HOOK_BUDGET_MS,
    }),
  }
}

/** This server's own hook, over real HTTP as Okta would call it; known only once the server listens. */
function ownHookUrl(app: FastifyInstance): string {
  const address = app.server.address()
  if (address === null || typeof address === 'string') return `http://127.0.0.1${HOOK_PATH}`
  const host = ['0.0.0.0', '::', ''].includes(address.address) ? '127.0.0.1' : address.address
  const hostPart = host.includes(':') ? `[${host}]` : host
  return `http://${hostPart}:${address.port}${HOOK_PATH}`
}

/** The issuer on the origin the browser used, so hrefs and the issuer work on any host and port. */
export const issuerOf = (request: FastifyRequest) => onRequestOrigin(request, EMULATOR_ISSUER_PATH)

export const responseContext = (request: FastifyRequest, transaction: Transaction): ResponseContext => ({
  origin: requestOrigin(request),
  transaction,
})

/**
 * Okta compares redirect URIs with the registered ones exactly, character for character; a registered path
 * is on whatever origin serves the page, written as a URL writes it (no default port).
 */
export const isRegistered = (request: FastifyRequest, uri: unknown, registered: string[]) =>
  typeof uri === 'string' && registered.some((candidate) => new URL(onRequestOrigin(request, candidate)).href === uri)
