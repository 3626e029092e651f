import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import underPressure from '@fastify/under-pressure'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** The strict default CSP of every response; the page extends it (e.g. connect-src for a real org). */
export const BASE_CSP_DIRECTIVES = {
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
  // helmet's default would break the page on a plain-http host other than localhost.
  upgradeInsecureRequests: null,
}

/**
 * Security headers with per-request CSP nonces (the page reads `reply.cspNonce`), opt-in rate limits,
 * and load shedding: Okta waits synchronously for the hook, so under overload a fast 503 beats a slow answer.
 * @see https://github.com/fastify/fastify-helmet
 */
export default fp(
  async function security(app: FastifyInstance) {
    await app.register(helmet, {
      enableCSPNonces: true,
      contentSecurityPolicy: { directives: BASE_CSP_DIRECTIVES },
    })
    await app.register(rateLimit, { global: false })
    await app.register(underPressure, { maxEventLoopDelay: 1000, retryAfter: 5 })
  },
  { name: 'security' },
)
