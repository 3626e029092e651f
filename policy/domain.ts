// Characters that would make WHATWG URL parsing read something other than a host (path, port, userinfo...).
const NOT_HOST = /[\s/\\?#:@%[\]<>"'`^{|}]|\p{Cc}/u
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
// Letters, digits and hyphens, no punycode label, a top-level label that starts with a letter: the URL
// parser would return such a name as it is (nothing to map, not an IPv4 address), so it is not asked.
const PLAIN_DOMAIN = /^(?:(?!xn--)[a-z0-9-]+\.)+(?!xn--)[a-z][a-z0-9-]*$/

/**
 * The ASCII (punycode) form of a domain, lower-cased, or null when it is not a usable DNS name.
 * Uses the WHATWG URL parser (UTS #46 mapping), which exists both in Node and in browsers.
 */
export function toAsciiDomain(raw: string): string | null {
  const domain = raw.normalize('NFC').toLowerCase()
  if (domain === '' || NOT_HOST.test(domain)) return null
  const ascii = PLAIN_DOMAIN.test(domain) ? domain : hostnameOf(domain)
  if (ascii === null || ascii.length > 253) return null
  const labels = ascii.split('.')
  if (labels.length < 2 || !labels.every((label) => ASCII_LABEL.test(label))) return null
  // A numeric top-level label means an IP address, not a mail domain.
  if (/^\d+$/.test(labels[labels.length - 1]!)) return null
  return ascii
}

function hostnameOf(domain: string): string | null {
  try {
    return new URL(`http://${domain}`).hostname
  } catch {
    return null
  }
}

/** True when `ascii` is `parent` or one of its subdomains, compared label by label. */
export function isWithin(ascii: string, parent: string): boolean {
  return ascii === parent || ascii.endsWith(`.${parent}`)
}

const CONFUSABLE_SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Coptic', 'Georgian'] as const
const SCRIPT_TESTS = CONFUSABLE_SCRIPTS.map((script) => new RegExp(`\\p{Script=${script}}`, 'u'))

/**
 * True when one label of the (Unicode) domain mixes look-alike scripts, like "exаmple" with a Cyrillic "а".
 * Such labels exist almost only to impersonate another domain.
 */
export function mixesScripts(domain: string): boolean {
  return domain
    .normalize('NFC')
    .split('.')
    .some((label) => SCRIPT_TESTS.filter((test) => test.test(label)).length > 1)
}
