import { createHash, randomBytes } from 'node:crypto'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import defaultPolicy from '../../../policy/default-policy.json' with { type: 'json' }
import { compilePolicy } from '../../../policy/index.ts'
import { PolicySchema } from '../../../policy/schema.ts'
import emulator, { type EmulatorOptions } from '../../../server/emulator/index.ts'

export const CLIENT_ID = 'emulator-client'
export const REDIRECT_URI = 'http://localhost/login/callback'
export const HOOK_SECRET = 'test-hook-secret'

type HookHandler = (request: FastifyRequest, reply: FastifyReply) => unknown

/** A stand-in for the registration hook on a real port, so the emulator calls it over HTTP as Okta does. */
export async function startFakeHook() {
  const calls: Array<{ headers: Record<string, unknown>; body: any }> = []
  let handler: HookHandler = () => ({ commands: [] })
  // Hooks that never answer must not keep the test process open.
  const hook = Fastify({ forceCloseConnections: true })
  hook.post('/hooks/registration', async (request, reply) => {
    calls.push({ headers: request.headers, body: request.body })
    return handler(request, reply)
  })
  await hook.listen({ host: '127.0.0.1', port: 0 })
  const address = hook.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/hooks/registration`,
    calls,
    respond(next: HookHandler) {
      handler = next
    },
    close: () => hook.close(),
  }
}

/** Waits for real I/O while time is faked (vi.waitFor would advance the fake clock itself). */
export async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve))
}

export async function buildEmulator(hookUrl: string, overrides: Partial<EmulatorOptions> = {}): Promise<FastifyInstance> {
  const app = Fastify()
  await app.register(emulator, {
    clientId: CLIENT_ID,
    redirectUri: '/login/callback',
    hook: { url: hookUrl, authHeader: 'authorization', authSecret: HOOK_SECRET },
    registration: compilePolicy(PolicySchema.parse(defaultPolicy)),
    ...overrides,
  })
  await app.ready()
  return app
}

export function pkce() {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
})

export async function interact(app: FastifyInstance, challenge: string, overrides: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/oauth2/default/v1/interact',
    ...form({ client_id: CLIENT_ID, scope: 'openid profile email', redirect_uri: REDIRECT_URI, code_challenge: challenge, code_challenge_method: 'S256', state: 's', nonce: 'n', ...overrides }),
  })
}

export async function idx(app: FastifyInstance, path: string, body: object) {
  return app.inject({
    method: 'POST',
    url: `/idp/idx/${path}`,
    headers: { 'content-type': 'application/ion+json; okta-version=1.0.0', accept: 'application/ion+json; okta-version=1.0.0' },
    payload: JSON.stringify(body),
  })
}

export async function token(app: FastifyInstance, fields: Record<string, string>) {
  return app.inject({ method: 'POST', url: '/oauth2/default/v1/token', ...form({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, grant_type: 'interaction_code', ...fields }) })
}

export const validProfile = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  department: 'engineering',
  termsAccepted: true,
}

/** Interact and open the sign-up form: returns the stateHandle. */
export async function startSignUp(app: FastifyInstance, challenge: string): Promise<string> {
  const { interaction_handle } = (await interact(app, challenge)).json()
  const { stateHandle } = (await idx(app, 'introspect', { interactionHandle: interaction_handle })).json()
  await idx(app, 'enroll', { stateHandle })
  return stateHandle
}

/** Registers `profile` and enrolls both authenticators: returns the interaction code. */
export async function registerFully(app: FastifyInstance, challenge: string, profile = validProfile): Promise<string> {
  const stateHandle = await startSignUp(app, challenge)
  const accepted = await idx(app, 'enroll/new', { stateHandle, userProfile: profile })
  if (accepted.statusCode !== 200) throw new Error(`enroll/new: ${accepted.statusCode} ${accepted.body}`)
  const ids = accepted.json().authenticators.value.map((a: { id: string }) => a.id)
  await idx(app, 'credential/enroll', { stateHandle, authenticator: { id: ids[0], methodType: 'email' } })
  const { messages } = (await app.inject({ url: `/emulator/outbox?to=${encodeURIComponent(String(profile.email))}` })).json()
  await idx(app, 'challenge/answer', { stateHandle, credentials: { passcode: messages[0].code } })
  await idx(app, 'credential/enroll', { stateHandle, authenticator: { id: ids[1] } })
  const success = (await idx(app, 'challenge/answer', { stateHandle, credentials: { passcode: 'Correct-Horse-9' } })).json()
  return success.successWithInteractionCode.value.find((f: { name: string }) => f.name === 'interaction_code').value
}
