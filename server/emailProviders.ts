import { disposableEmailBlocklistSet } from 'disposable-email-domains-js'
import freeEmailDomains from 'free-email-domains'
import { getDomain } from 'tldts'
import type { EmailProviders } from '../policy/index.ts'

/**
 * The maintained provider lists, loaded once into sets. A domain matches when it or any parent domain is
 * listed, so `mx.mailinator.com` counts as disposable too.
 */
export function createEmailProviders(): EmailProviders {
  const disposable = disposableEmailBlocklistSet()
  const free = new Set<string>(freeEmailDomains)
  const listed = (set: Set<string>, domain: string) => {
    for (let at = domain; ; ) {
      if (set.has(at)) return true
      const dot = at.indexOf('.')
      if (dot === -1) return false
      at = at.slice(dot + 1)
    }
  }
  return {
    isDisposable: (domain) => listed(disposable, domain),
    isFreeMail: (domain) => listed(free, domain),
    hasRegistrableDomain: (domain) => getDomain(domain) !== null,
  }
}
