import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import underPressure from '@fastify/under-pressure'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * Security headers with per-request CSP nonces (the page reads `reply.cspNonce`), opt-in rate limits,
 * and load shedding: Okta waits synchronously for the hook, so under overload a fast 503 beats a slow answer.
 * @see https://github.com/fastify/fastify-helmet
 */
export default fp(
  async function security(app: FastifyInstance) {
    await app.register(helmet, {
      enableCSPNonces: true,
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
        },
      },
    })
    await app.register(rateLimit, { global: false })
    await app.register(underPressure, { maxEventLoopDelay: 1000, retryAfter: 5 })
  },
  { name: 'security' },
)
