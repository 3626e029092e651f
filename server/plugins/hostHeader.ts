import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { InvalidHostError, MissingHostError } from '../errors.ts'
import { API_HEADERS } from './apiHeaders.ts'

// RFC 9110's Host: a name or IPv4 address, or a bracketed IPv6 literal, then an optional port. Nothing a URL
// would read as user info, path, query or fragment; the URL parser then rules out bad numbers and literals, so
// every URL built on the request's origin parses.
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~-]+)(?::\d*)?$/
const isValidHost = (host: string) => HOST.test(host) && URL.canParse(`http://${host}`)

/**
 * Rejects a malformed Host header with a 400 on every route, before any of them builds a URL from it. A
 * missing one (HTTP/1.0) passes: only what needs the origin refuses it, in requestOrigin().
 */
export default fp(
  async function hostHeader(app: FastifyInstance) {
    app.addHook('onRequest', (request, reply, done) => {
      if (request.host === '' || isValidHost(request.host)) return done()
      // Ahead of every scope's own headers: the JSON error gets the API's.
      reply.headers(API_HEADERS)
      done(new InvalidHostError())
    })
  },
  { name: 'host-header' },
)

/** The origin the client used (`http://127.0.0.1:3000`): links, issuer URLs and redirect URIs are built on it. */
export function requestOrigin(request: FastifyRequest): string {
  if (request.host === '') throw new MissingHostError()
  return `${request.protocol}://${request.host}`
}

/**
 * A path (`/oauth2/default`) on the origin the client used, written as the client wrote the origin (an
 * issuer is compared as a string); an absolute URL stays as it is.
 */
export const onRequestOrigin = (request: FastifyRequest, pathOrUrl: string) =>
  pathOrUrl.startsWith('/') && !pathOrUrl.startsWith('//') ? `${requestOrigin(request)}${pathOrUrl}` : pathOrUrl
