import type { RegistrationPolicy } from '../../policy/index.ts'

export interface EmulatorOptions {
  /** The only OAuth client the emulator knows. */
  clientId: string
  /** The only redirect URI accepted at interact and token; a path is resolved against the request origin. */
  redirectUri: string
  hook: {
    /** Where Okta would send the registration hook. Default: this server's own `/hooks/registration`. */
    url?: string
    authHeader: string
    authSecret: string
    /** Okta waits 3 s per attempt; tests may shorten it. */
    timeoutMs?: number
  }
  registration: RegistrationPolicy
  /** How long an IDX transaction lives. Default: one hour, as Okta's `expiresAt`. */
  transactionTtlMs?: number
}
