import { createHash, randomBytes } from 'node:crypto'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import { onTestFinished } from 'vitest'
import emulator, { type EmulatorOptions } from '../../../server/emulator/index.ts'
import { signUpForm } from '../../../server/signUpForm.ts'
import type { HostedSignInPage } from '../../../server/emulator/options.ts'
import { registrationPolicy } from '../../helpers/policy.ts'
import { HOOK_SECRET } from '../../helpers/server.ts'

export const CLIENT_ID = 'emulator-client'
export const REDIRECT_URI = 'http://localhost/login/callback'
/** An app of the redirect model, registered with an absolute redirect URI (as EMULATOR_REDIRECT_URIS gives). */
export const APP_REDIRECT_URI = 'https://app.example.com/callback'
export const APP_SIGNED_OUT_URI = 'https://app.example.com/signed-out'

/** Stands in for Okta's hosted page: answers with the settings the widget would be started with. */
export const signInPageStub: HostedSignInPage = {
  routeOptions: () => ({}),
  send: async (reply, settings) => reply.send({ hostedPageSettings: settings }),
}

type HookHandler = (request: FastifyRequest, reply: FastifyReply) => unknown

/**
 * A stand-in for the registration hook on a real port, so the emulator calls it over HTTP as Okta does.
 * Closed when the test that started it ends: call it inside a test or a beforeEach, not in beforeAll.
 */
export async function startFakeHook() {
  const calls: Array<{ headers: Record<string, unknown>; body: any }> = []
  let handler: HookHandler = () => ({ commands: [] })
  // Hooks that never answer must not keep the test process open.
  const hook = Fastify({ forceCloseConnections: true })
  onTestFinished(() => hook.close())
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
  }
}

/** Waits for real I/O while time is faked (vi.waitFor would advance the fake clock itself). */
export async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve))
}

/**
 * The emulator alone, calling the hook at `hookUrl`, ready for inject() (or listen()), and closed when the
 * test that built it ends: call it inside a test or a beforeEach, not in beforeAll.
 */
export async function buildEmulator(hookUrl: string, overrides: Partial<EmulatorOptions> = {}, server: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify(server)
  onTestFinished(() => app.close())
  await app.register(emulator, {
    clientId: CLIENT_ID,
    redirectUris: ['/login/callback', APP_REDIRECT_URI],
    signOutRedirectUris: [APP_SIGNED_OUT_URI],
    hostedPage: signInPageStub,
    hook: { url: hookUrl, authHeader: 'authorization', authSecret: HOOK_SECRET },
    signUpForm: signUpForm(registrationPolicy()),
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

/** Registers `profile` on an open sign-up form and enrolls both authenticators: returns the last IDX answer. */
export async function completeSignUp(app: FastifyInstance, stateHandle: string, profile: Record<string, unknown> = validProfile) {
  const accepted = await idx(app, 'enroll/new', { stateHandle, userProfile: profile })
  if (accepted.statusCode !== 200) throw new Error(`enroll/new: ${accepted.statusCode} ${accepted.body}`)
  const ids = accepted.json().authenticators.value.map((a: { id: string }) => a.id)
  await idx(app, 'credential/enroll', { stateHandle, authenticator: { id: ids[0], methodType: 'email' } })
  const { messages } = (await app.inject({ url: `/emulator/outbox?to=${encodeURIComponent(String(profile.email))}` })).json()
  await idx(app, 'challenge/answer', { stateHandle, credentials: { passcode: messages[0].code } })
  await idx(app, 'credential/enroll', { stateHandle, authenticator: { id: ids[1] } })
  return (await idx(app, 'challenge/answer', { stateHandle, credentials: { passcode: 'Correct-Horse-9' } })).json()
}

/** Registers `profile` and enrolls both authenticators (embedded model): returns the interaction code. */
export async function registerFully(app: FastifyInstance, challenge: string, profile = validProfile): Promise<string> {
  const success = await completeSignUp(app, await startSignUp(app, challenge), profile)
  return success.successWithInteractionCode.value.find((f: { name: string }) => f.name === 'interaction_code').value
}

/** `GET /v1/authorize` of the app registered with APP_REDIRECT_URI, with `overrides` (undefined leaves a parameter out). */
export function authorize(app: FastifyInstance, overrides: Record<string, string | undefined> = {}) {
  const parameters = {
    client_id: CLIENT_ID,
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: APP_REDIRECT_URI,
    state: 'app-state',
    nonce: 'app-nonce',
    code_challenge: pkce().challenge,
    code_challenge_method: 'S256',
    ...overrides,
  }
  const defined = Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined)
  return app.inject({ url: `/oauth2/default/v1/authorize?${new URLSearchParams(defined)}` })
}

/** The redirect model through IDX: authorize, register `profile`, follow `success`; returns where the browser goes back to. */
export async function registerThroughRedirect(app: FastifyInstance, challenge: string, profile: Record<string, unknown>, scope = 'openid profile email') {
  const { stateToken } = (await authorize(app, { code_challenge: challenge, scope })).json().hostedPageSettings
  const { stateHandle } = (await idx(app, 'introspect', { stateToken })).json()
  await idx(app, 'enroll', { stateHandle })
  return followSuccess(app, await completeSignUp(app, stateHandle, profile))
}

/** The browser following Okta's `success` link of a redirect-model transaction: where it is sent back to. */
export async function followSuccess(app: FastifyInstance, finished: { success: { href: string } }): Promise<URL> {
  const { pathname, search } = new URL(finished.success.href)
  const back = await app.inject({ url: pathname + search })
  return new URL(back.headers.location as string)
}
