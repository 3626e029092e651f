import { handle, type Transaction } from './transactions.ts'

/** Okta's interaction codes are short-lived; one minute is plenty for the widget's immediate exchange. */
const CODE_TTL_MS = 60_000

export interface InteractionCodes {
  issue(transaction: Transaction): string
  /** The transaction the code was issued for, once: a second redemption, or a late one, gets nothing. */
  redeem(code: unknown): Transaction | undefined
}

export function createInteractionCodes(): InteractionCodes {
  const codes = new Map<string, { transaction: Transaction; expiresAt: number }>()
  return {
    issue(transaction) {
      const code = handle(32)
      codes.set(code, { transaction, expiresAt: Date.now() + CODE_TTL_MS })
      return code
    },
    redeem(code) {
      if (typeof code !== 'string') return undefined
      const entry = codes.get(code)
      codes.delete(code)
      return entry && entry.expiresAt > Date.now() ? entry.transaction : undefined
    },
  }
}
