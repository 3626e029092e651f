import { z } from 'zod'

/** A Redis URL as it may be printed: the password, if any, masked. */
export function shownRedisUrl(url: string): string {
  const shown = URL.canParse(url) ? new URL(url) : undefined
  if (!shown?.password) return url
  shown.password = '***'
  return shown.href
}

/** RATE_LIMIT_REDIS_URL: `redis://[:password@]host[:port][/db]`, or `rediss://` for TLS. */
export const RedisUrl = z
  .string()
  .trim()
  .refine((url) => URL.canParse(url) && /^rediss?:$/.test(new URL(url).protocol) && new URL(url).hostname !== '', {
    error: (issue) => `"${shownRedisUrl(String(issue.input))}" is not a redis:// or rediss:// URL`,
  })
