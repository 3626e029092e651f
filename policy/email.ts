import { isWithin, mixesScripts, toAsciiDomain } from './domain.ts'
import type { FieldMessageKey } from './messages.ts'
import type { Policy } from './schema.ts'

/**
 * Provider lists that are too large for the browser. The server supplies them; the widget runs without
 * them and leaves those checks to the hook.
 */
export interface EmailProviders {
  isFreeMail(asciiDomain: string): boolean
  isDisposable(asciiDomain: string): boolean
  /** False for names with no registrable part under the public suffix list (e.g. "co.uk"). */
  hasRegistrableDomain(asciiDomain: string): boolean
}

export type EmailCheck =
  | { ok: true; email: string; asciiDomain: string }
  | { ok: false; message: FieldMessageKey; domain?: string }

const LOCAL_PART = /^[^\s@<>()[\]\\,;:"\p{Cc}]{1,64}$/u

function invalid(): EmailCheck {
  return { ok: false, message: 'invalidEmail' }
}

function denied(domain: string, message: FieldMessageKey): EmailCheck {
  return { ok: false, message, domain }
}

/**
 * Checks an address against the email rules. Domains are compared on their ASCII form, label by label,
 * never by substring. Returns the address with only its domain lower-cased (the local part may be
 * case-sensitive).
 */
export function checkEmail(raw: unknown, rules: Policy['email'], providers?: EmailProviders): EmailCheck {
  if (typeof raw !== 'string') return invalid()
  const address = raw.trim()
  const parts = address.split('@')
  if (parts.length !== 2) return invalid()
  const [local, domain] = parts as [string, string]
  if (!LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return invalid()
  }
  const asciiDomain = toAsciiDomain(domain)
  if (asciiDomain === null || (providers && !providers.hasRegistrableDomain(asciiDomain))) return invalid()

  const shown = domain.normalize('NFC').toLowerCase()
  if (rules.deniedDomains.some((parent) => isWithin(asciiDomain, parent))) return denied(shown, 'emailDomainDenied')
  if (rules.allowedDomains.length > 0) {
    if (!rules.allowedDomains.some((parent) => isWithin(asciiDomain, parent))) return denied(shown, 'emailDomainNotAllowed')
  } else if (mixesScripts(shown)) {
    return denied(shown, 'emailDomainDenied')
  } else if (providers) {
    if (rules.blockDisposable && providers.isDisposable(asciiDomain)) return denied(shown, 'disposableEmail')
    if (rules.blockFreeMail && providers.isFreeMail(asciiDomain)) return denied(shown, 'freeEmail')
  }
  // Keep an internationalized domain readable; an ASCII one is stored in its canonical lower-case form.
  const storedDomain = asciiDomain.includes('xn--') ? shown : asciiDomain
  return { ok: true, email: `${local}@${storedDomain}`, asciiDomain }
}
