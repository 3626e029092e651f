import rateLimit from '@fastify/rate-limit'
import underPressure from '@fastify/under-pressure'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * Opt-in rate limits, and load shedding: Okta waits synchronously for the hook, so under overload a fast
 * 503 beats a slow answer. Browser security headers are scoped: see apiHeaders.ts and browserHeaders.ts.
 */
export default fp(
  async function security(app: FastifyInstance) {
    await app.register(rateLimit, { global: false })
    await app.register(underPressure, { maxEventLoopDelay: 1000, retryAfter: 5 })
  },
  { name: 'security' },
)
