import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import secureJson from 'secure-json-parse'
import { InvalidJsonBodyError } from '../errors.ts'

/**
 * JSON bodies parsed like Fastify's own parser (prototype-poisoning keys rejected), but the 400 names
 * the problem ("Object contains forbidden prototype property", "Unexpected token…") instead of a
 * generic message, so a caller can fix its request.
 */
export default fp(
  async function jsonBody(app: FastifyInstance) {
    app.removeContentTypeParser('application/json')
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, secureJson.parse(body as string, undefined, { protoAction: 'error', constructorAction: 'error' }))
      } catch (error) {
        done(new InvalidJsonBodyError((error as Error).message), undefined)
      }
    })
  },
  { name: 'json-body' },
)
