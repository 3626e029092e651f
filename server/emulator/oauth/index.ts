import formbody from '@fastify/formbody'
import type { FastifyInstance } from 'fastify'
import type { Emulator } from '../context.ts'
import { authorizeRoute } from './authorize.ts'
import { discoveryRoutes } from './discovery.ts'
import { interactRoute } from './interact.ts'
import { logoutRoute } from './logout.ts'
import { tokenRoute } from './token.ts'
import { userinfoRoute } from './userinfo.ts'

/** The authorization server `default`: both deployment models, userinfo and logout. */
export async function authorizationServerRoutes(app: FastifyInstance, opts: { emulator: Emulator }) {
  await app.register(formbody)
  for (const routes of [discoveryRoutes, interactRoute, authorizeRoute, tokenRoute, userinfoRoute, logoutRoute]) await routes(app, opts)
}
