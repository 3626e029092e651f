import formbody from '@fastify/formbody'
import type { FastifyInstance } from 'fastify'
import type { Emulator } from '../context.ts'
import { authorizeRoute } from './authorize.ts'
import { discoveryRoutes } from './discovery.ts'
import { interactRoute } from './interact.ts'
import { introspectionRoute } from './introspection.ts'
import { logoutRoute } from './logout.ts'
import { revocationRoute } from './revocation.ts'
import { tokenRoute } from './token.ts'
import { userinfoRoute } from './userinfo.ts'

/** The authorization server `default`: both deployment models, userinfo, revocation, introspection and logout. */
export async function authorizationServerRoutes(app: FastifyInstance, opts: { emulator: Emulator }) {
  await app.register(formbody)
  const routes = [discoveryRoutes, interactRoute, authorizeRoute, tokenRoute, userinfoRoute, revocationRoute, introspectionRoute, logoutRoute]
  for (const register of routes) await register(app, opts)
}
