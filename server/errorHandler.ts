import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorBody } from './errors.ts'

/**
 * Every error answer as the JSON body routes and the OpenAPI document describe: client errors name the
 * problem and carry its code, server errors reveal nothing. Logs keep the code only: a parser's message
 * may quote the body, and bodies hold addresses and names.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
  if (status >= 500) request.log.error({ err: error }, 'request failed')
  else request.log.info({ statusCode: status, code: error.code }, 'request rejected')
  reply.code(status).send({
    statusCode: status,
    code: status < 500 ? error.code : undefined,
    error: STATUS_CODES[status] ?? 'Error',
    message: status < 500 ? error.message : 'Internal Server Error',
  } satisfies ErrorBody)
}
