import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Emulator } from './context.ts'

/** The longest value the emulator accepts in any field (state, nonce, scope, code_challenge, a profile value…). */
export const MAX_FIELD_LENGTH = 2048

interface Visit {
  value: unknown
  key?: string
  parent?: Visit
}

function pathOf(visit: Visit): string {
  const keys: string[] = []
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) keys.unshift(at.key)
  return keys.join('.') || '(body)'
}

/**
 * The path of the first string longer than the limit (`state`, `userProfile.firstName`), nested values
 * included. Iterative, and the path is spelled only when found: a body nested thousands deep costs neither
 * the stack nor memory.
 */
function overlongField(root: unknown): string | undefined {
  const pending: Visit[] = [{ value: root }]
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value } = visit
    if (typeof value === 'string' && value.length > MAX_FIELD_LENGTH) return pathOf(visit)
    if (typeof value !== 'object' || value === null) continue
    for (const [key, nested] of Object.entries(value)) pending.push({ value: nested, key, parent: visit })
  }
  return undefined
}

/**
 * Fastify's request line without the query string: the emulator's carry what must not be logged, an
 * authorization code, a state token, an ID token hint (with the user's email in it), an outbox address.
 */
export const LOG_PATH_ONLY = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: request.url.split('?')[0],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }),
}

type Routes = (app: FastifyInstance, opts: { emulator: Emulator }) => Promise<void>

/**
 * One URL prefix of the emulator (`/oauth2/default`, `/idp/idx`, `/emulator`): its routes, a JSON 404 for
 * anything else under it, and bad input answered as a 4xx in the body shape its clients read. Never a 500
 * for what a client sent.
 */
export function emulatorScope(errorBody: (message: string) => object, ...routes: Routes[]): FastifyPluginAsync<{ emulator: Emulator }> {
  return async (app, opts) => {
    app.setNotFoundHandler((request, reply) => {
      reply.code(404).send(errorBody(`Not found: ${request.method} ${request.url.split('?')[0]}`))
    })
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const clientError = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500
      if (!clientError) request.log.error({ err: error }, 'emulator route failed')
      reply.code(clientError ? error.statusCode! : 500).send(errorBody(clientError ? error.message : 'Internal Server Error'))
    })
    app.addHook('onRoute', (route) => {
      route.logSerializers = { ...route.logSerializers, ...LOG_PATH_ONLY }
    })
    // Every field a client sends is held (in a transaction, a code, a profile) or echoed: bounded here, once.
    app.addHook('preHandler', async (request, reply) => {
      const field = overlongField(request.query) ?? overlongField(request.body)
      if (field !== undefined) return reply.code(400).send(errorBody(`'${field}' is longer than ${MAX_FIELD_LENGTH} characters.`))
    })
    for (const register of routes) await register(app, opts)
  }
}
