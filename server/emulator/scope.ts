import type { FastifyError, FastifyInstance, FastifyPluginAsync } from 'fastify'
import type { Emulator } from './context.ts'

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
    for (const register of routes) await register(app, opts)
  }
}
