import { handle, type Transaction } from '../idx/transactions.ts'
import { makeRoom } from '../bounded.ts'

/** Okta's interaction and authorization codes are short-lived; a minute is plenty for the app's immediate exchange. */
const CODE_TTL_MS = 60_000

/** The grant a code is for: the embedded model's interaction code, or the redirect model's authorization code. */
export type CodeGrant = 'interaction_code' | 'authorization_code'

export interface GrantCodes {
  issue(transaction: Transaction, grant: CodeGrant): string
  /** The transaction the code was issued for, once and for its grant only: a second redemption, or a late one, gets nothing. */
  redeem(code: unknown, grant: CodeGrant): Transaction | undefined
}

export function createGrantCodes(): GrantCodes {
  const codes = new Map<string, { transaction: Transaction; grant: CodeGrant; expiresAt: number }>()
  return {
    issue(transaction, grant) {
      // Codes never redeemed are dropped once expired; all live equally long, so the oldest come first.
      const now = Date.now()
      makeRoom(codes, Infinity, (entry) => entry.expiresAt <= now)
      const code = handle(32)
      codes.set(code, { transaction, grant, expiresAt: now + CODE_TTL_MS })
      return code
    },
    redeem(code, grant) {
      if (typeof code !== 'string') return undefined
      const entry = codes.get(code)
      codes.delete(code)
      return entry && entry.grant === grant && entry.expiresAt > Date.now() ? entry.transaction : undefined
    },
  }
}
