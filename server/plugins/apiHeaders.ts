import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * A JSON answer is never a document: it must not be sniffed into HTML, framed, or load anything if a
 * browser opens it. Constant headers, so they cost nothing to build per request.
 */
export const API_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
}

export default fp(
  async function apiHeaders(app: FastifyInstance) {
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(API_HEADERS)
      done()
    })
  },
  { name: 'api-headers' },
)
