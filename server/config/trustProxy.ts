import { isIP } from 'node:net'
import { z } from 'zod'

// proxy-addr's names for the private ranges, which Fastify accepts among addresses.
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal']

/** An IPv4 or IPv6 address, optionally with a CIDR prefix length, or one of proxy-addr's range names. */
function isProxyAddress(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true
  const [address = '', bits, ...rest] = entry.split('/')
  const version = isIP(address)
  if (!version || rest.length > 0) return false
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128))
}

/**
 * TRUST_PROXY as Fastify's `trustProxy`: `true` (any peer), `false`, or the proxies' addresses and CIDR
 * ranges, comma-separated; only from them is X-Forwarded-For believed. Not a number of hops: Fastify 5
 * ignores one (it cannot tell a direct client from a proxy by counting), which would look set but do nothing.
 */
export const TrustProxy = z
  .string()
  .trim()
  .default('false')
  .transform((value, ctx): boolean | string => {
    if (value === 'true' || value === 'false') return value === 'true'
    for (const entry of value.split(',').map((part) => part.trim())) {
      if (!isProxyAddress(entry)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${entry}" is not true, false, an IP address, a CIDR range or loopback/linklocal/uniquelocal (list the proxies' addresses, not their number)`,
        })
      }
    }
    return value
  })
