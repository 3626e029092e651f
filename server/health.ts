import type { FastifyInstance } from 'fastify'

/** GET /healthz: 200 once every plugin has loaded (load balancers and `npm start` scripts wait on it). */
export default async function health(app: FastifyInstance) {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }))
}
