import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** The strict default CSP of every page; a page extends it (e.g. connect-src for a real org). */
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
 * helmet's headers with per-request CSP nonces (pages read `reply.cspNonce`), for the scope that serves
 * what a browser renders. Nonces cost random bytes and a CSP string per request, so the JSON APIs, above
 * all the hook, get apiHeaders.ts's constant set instead.
 * @see https://github.com/fastify/fastify-helmet
 */
export default fp(
  async function browserHeaders(app: FastifyInstance) {
    await app.register(helmet, { enableCSPNonces: true, contentSecurityPolicy: { directives: BASE_CSP_DIRECTIVES } })
  },
  { name: 'browser-headers' },
)
