/**
 * Resolves a consent link and accepts it only when it is `https:` or on the page's own origin, so a policy
 * file can never turn the consent sentence into a `javascript:` or plain-http link.
 */
export function safeLinkUrl(raw: string, base: string): string {
  let url: URL
  try {
    url = new URL(raw, base)
  } catch {
    throw new TypeError(`Consent link "${raw}" is not a valid URL`)
  }
  if (url.protocol === 'https:' || url.origin === new URL(base).origin) return url.href
  throw new TypeError(`Consent link "${raw}" must use https: or the page's own origin`)
}
