import { randomBytes } from 'node:crypto'
import type { User } from '../users/directory.ts'
import { makeRoom } from '../bounded.ts'

/** What the client asked for at interact or authorize; the token endpoint checks the same values. */
export interface Client {
  clientId: string
  redirectUri: string
  scope: string
  codeChallenge: string
  state: string
  nonce?: string
}

/**
 * Okta's two deployment models: `embedded` (the app runs the widget and exchanges an interaction code) and
 * `redirect` (the app sent the browser to `/v1/authorize`; Okta's hosted page runs the widget and the
 * browser goes back to the app with an authorization code).
 */
export type DeploymentModel = 'embedded' | 'redirect'

/**
 * Where the user is: signing up (enroll-profile, then the authenticators), or signing in (the password, the email
 * code when the authentication policy asks for it, then progressive profiling when the profile lacks what the
 * sign-up form asks). Every IDX response is built from this.
 */
export type Step =
  | 'identify'
  | 'enroll-profile'
  | 'select-authenticator'
  | 'enroll-email'
  | 'enroll-password'
  | 'challenge-password'
  | 'challenge-email'
  | 'enroll-update'
  | 'success'

export type AuthenticatorKey = 'email' | 'password'

export interface Transaction {
  readonly interactionHandle: string
  readonly stateHandle: string
  readonly client: Client
  readonly model: DeploymentModel
  step: Step
  expiresAt: number
  /** Set once the profile is accepted (Okta creates the user at that point), or once a returning user is identified. */
  user?: User
  enrolled: Set<AuthenticatorKey>
  /** The one-time code of the email being enrolled or challenged, and the address it was sent to. */
  emailCode?: { code: string; sentTo: string }
  /** Wrong answers to the current challenge (the email code or the password). */
  failedAttempts: number
  /** When the user authenticated (ms), set on success: the ID tokens' `auth_time`. */
  authenticatedAt?: number
  /** Issued on success; exchanged once at `/v1/token`. */
  interactionCode?: string
}

export interface TransactionStore {
  create(client: Client, model: DeploymentModel): Transaction
  /** A live transaction by interactionHandle or stateHandle; expired ones are forgotten. */
  find(handle: unknown): Transaction | undefined
  forget(transaction: Transaction): void
  /** How many transactions are held: never more than the store's bound. */
  readonly size: number
}

export const handle = (bytes = 24) => randomBytes(bytes).toString('base64url')

/**
 * Transactions by handle, at most `maxTransactions` at once: creating one more forgets the oldest, so no
 * client can grow the process's memory by starting transactions. All live equally long, so insertion
 * order is also expiry order.
 */
export function createTransactionStore(ttlMs: number, maxTransactions: number): TransactionStore {
  const byInteractionHandle = new Map<string, Transaction>()
  const byStateHandle = new Map<string, Transaction>()

  function forget(transaction: Transaction) {
    byInteractionHandle.delete(transaction.interactionHandle)
    byStateHandle.delete(transaction.stateHandle)
  }

  return {
    create(client, model) {
      const now = Date.now()
      makeRoom(byInteractionHandle, maxTransactions, (oldest) => oldest.expiresAt <= now, (_handle, oldest) => forget(oldest))
      const transaction: Transaction = {
        interactionHandle: handle(),
        stateHandle: `02${handle()}`,
        client,
        model,
        step: 'identify',
        expiresAt: now + ttlMs,
        enrolled: new Set(),
        failedAttempts: 0,
      }
      byInteractionHandle.set(transaction.interactionHandle, transaction)
      byStateHandle.set(transaction.stateHandle, transaction)
      return transaction
    },
    find(key) {
      if (typeof key !== 'string') return undefined
      const transaction = byStateHandle.get(key) ?? byInteractionHandle.get(key)
      if (transaction === undefined) return undefined
      if (transaction.expiresAt <= Date.now()) {
        forget(transaction)
        return undefined
      }
      return transaction
    },
    forget,
    get size() {
      return byInteractionHandle.size
    },
  }
}
