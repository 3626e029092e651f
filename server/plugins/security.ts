import rateLimit from '@fastify/rate-limit'
import underPressure from '@fastify/under-pressure'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Redis } from 'ioredis'
import { shownRedisUrl } from '../config/redisUrl.ts'
import { ConfigError } from '../errors.ts'

export interface SecurityOptions {
  /** Where the rate limits are counted for every replica at once; unset: each process counts its own. */
  rateLimitRedisUrl?: string
}

/**
 * Connected at boot, so a wrong URL or an unreachable Redis stops the server rather than failing requests.
 * Later outages let requests through (the plugin's skipOnError): the picker's search matters more than its limit.
 */
async function connectRedis(url: string, log: FastifyBaseLogger): Promise<Redis> {
  // Short timeouts and one retry, as the rate-limit plugin advises: a request waits on this count.
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 1 })
  let failure: NodeJS.ErrnoException | undefined
  redis.on('error', (error: NodeJS.ErrnoException) => (failure = error))
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    redis.disconnect()
    const reason = failure?.code ?? failure?.message ?? (error as Error).message
    throw new ConfigError([`RATE_LIMIT_REDIS_URL ${shownRedisUrl(url)}: cannot connect (${reason})`])
  }
  redis.removeAllListeners('error')
  redis.on('error', (error) => log.warn({ err: error }, 'the rate-limit store (Redis) is unreachable: requests are not counted'))
  return redis
}

/**
 * Opt-in rate limits, and load shedding: Okta waits synchronously for the hook, so under overload a fast
 * 503 beats a slow answer. Browser security headers are scoped: see apiHeaders.ts and browserHeaders.ts.
 */
export default fp(
  async function security(app: FastifyInstance, { rateLimitRedisUrl }: SecurityOptions) {
    const redis = rateLimitRedisUrl ? await connectRedis(rateLimitRedisUrl, app.log) : undefined
    if (redis) {
      app.addHook('onClose', async () => {
        await redis.quit()
      })
    }
    await app.register(rateLimit, {
      global: false,
      ...(redis && { redis, nameSpace: 'registration-kit-rate-limit-', skipOnError: true }),
    })
    await app.register(underPressure, { maxEventLoopDelay: 1000, retryAfter: 5 })
  },
  { name: 'security' },
)
