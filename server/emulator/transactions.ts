import { randomBytes } from 'node:crypto'
import type { User } from './users.ts'

/** What the browser asked for at interact; the token endpoint checks the same values. */
export interface Client {
  clientId: string
  redirectUri: string
  scope: string
  codeChallenge: string
  state: string
  nonce?: string
}

/** Where the user is in the registration; every IDX response is built from this. */
export type Step = 'identify' | 'enroll-profile' | 'select-authenticator' | 'enroll-email' | 'enroll-password' | 'success'

export type AuthenticatorKey = 'email' | 'password'

export interface Transaction {
  readonly interactionHandle: string
  readonly stateHandle: string
  readonly client: Client
  step: Step
  expiresAt: number
  /** Set once the profile is accepted (Okta creates the user at that point). */
  user?: User
  enrolled: Set<AuthenticatorKey>
  /** The one-time code of the email being enrolled. */
  emailCode?: string
  /** Issued on success; exchanged once at `/v1/token`. */
  interactionCode?: string
}

export interface TransactionStore {
  create(client: Client): Transaction
  /** A live transaction by interactionHandle or stateHandle; expired ones are forgotten. */
  find(handle: unknown): Transaction | undefined
  forget(transaction: Transaction): void
}

export const handle = (bytes = 24) => randomBytes(bytes).toString('base64url')

export function createTransactionStore(ttlMs: number): TransactionStore {
  const byHandle = new Map<string, Transaction>()

  function forget(transaction: Transaction) {
    byHandle.delete(transaction.interactionHandle)
    byHandle.delete(transaction.stateHandle)
  }

  return {
    create(client) {
      const transaction: Transaction = {
        interactionHandle: handle(),
        stateHandle: `02${handle()}`,
        client,
        step: 'identify',
        expiresAt: Date.now() + ttlMs,
        enrolled: new Set(),
      }
      byHandle.set(transaction.interactionHandle, transaction)
      byHandle.set(transaction.stateHandle, transaction)
      return transaction
    },
    find(key) {
      if (typeof key !== 'string') return undefined
      const transaction = byHandle.get(key)
      if (transaction === undefined) return undefined
      if (transaction.expiresAt <= Date.now()) {
        forget(transaction)
        return undefined
      }
      return transaction
    },
    forget,
  }
}
