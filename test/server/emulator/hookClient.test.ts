import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { callInlineHook, type HookTarget } from '../../../server/emulator/inlineHook/client.ts'
import { oktaHookRequest } from '../../../server/emulator/inlineHook/request.ts'
import { hookRequestFixtures, oktaFixture } from '../../fixtures/okta/index.ts'
import { HOOK_SECRET } from '../../helpers/server.ts'
import { startFakeHook, until } from './helper.ts'

const attempt = { requestType: 'self.service.registration' as const, userProfile: { email: 'ada@example.com' }, ipAddress: '127.0.0.1', requestId: 'req-1' }

describe('calling the registration hook as Okta does', () => {
  let hook: Awaited<ReturnType<typeof startFakeHook>>
  let target: HookTarget

  beforeEach(async () => {
    hook = await startFakeHook()
    target = { url: hook.url, authHeader: 'x-hook-secret', authSecret: HOOK_SECRET, timeoutMs: 3000 }
  })
  afterEach(() => vi.useRealTimers())

  it('retries once after a 5xx and uses the second answer', async () => {
    hook.respond((_request, reply) => (hook.calls.length === 1 ? reply.code(503).send({}) : { commands: [] }))
    expect(await callInlineHook(target, attempt)).toEqual({ kind: 'allow', updates: {} })
    expect(hook.calls).toHaveLength(2)
  })

  it('fails closed after a 5xx twice', async () => {
    hook.respond((_request, reply) => reply.code(500).send({}))
    expect(await callInlineHook(target, attempt)).toEqual({ kind: 'failed' })
    expect(hook.calls).toHaveLength(2)
  })

  it('does not retry a 4xx and fails closed', async () => {
    hook.respond((_request, reply) => reply.code(401).send({}))
    expect(await callInlineHook(target, attempt)).toEqual({ kind: 'failed' })
    expect(hook.calls).toHaveLength(1)
  })

  it('does not retry a malformed 2xx body and fails closed', async () => {
    hook.respond((_request, reply) => reply.type('application/json').send('{not json'))
    expect(await callInlineHook(target, attempt)).toEqual({ kind: 'failed' })
    expect(hook.calls).toHaveLength(1)
  })

  it('retries once after a 3 s timeout, then fails closed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    hook.respond(() => new Promise(() => {}))
    const outcome = callInlineHook(target, attempt)
    await until(() => hook.calls.length === 1)
    await vi.advanceTimersByTimeAsync(2999)
    expect(hook.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await until(() => hook.calls.length === 2)
    await vi.advanceTimersByTimeAsync(3000)
    expect(await outcome).toEqual({ kind: 'failed' })
  })

  it('fails closed when the hook cannot be reached', async () => {
    const down = { ...target, url: 'http://127.0.0.1:9/hooks/registration' }
    expect(await callInlineHook(down, attempt)).toEqual({ kind: 'failed' })
  })

  it('sends the configured header with the secret', async () => {
    hook.respond(() => ({}))
    await callInlineHook(target, attempt)
    expect(hook.calls[0]?.headers['x-hook-secret']).toBe(HOOK_SECRET)
  })

  it('allows with no update on a 204', async () => {
    hook.respond((_request, reply) => reply.code(204).send())
    expect(await callInlineHook(target, attempt)).toEqual({ kind: 'allow', updates: {} })
  })

  it('applies profile updates in order only when there is no error object', async () => {
    hook.respond(() => ({
      commands: [
        { type: 'com.okta.user.profile.update', value: { department: 'Finance', login: 'a@example.com' } },
        { type: 'com.okta.user.profile.update', value: { department: 'Legal' } },
      ],
    }))
    expect(await callInlineHook(target, attempt)).toEqual({ kind: 'allow', updates: { department: 'Legal', login: 'a@example.com' } })
    hook.respond(() => ({
      commands: [{ type: 'com.okta.user.profile.update', value: { department: 'Finance' } }],
      error: { errorSummary: 'No', errorCauses: [{ errorSummary: 'Bad email', location: 'data.userProfile.email' }] },
    }))
    expect(await callInlineHook(target, attempt)).toEqual({
      kind: 'deny',
      causes: [{ errorSummary: 'Bad email', location: 'data.userProfile.email' }],
    })
  })

  it('tells a DENY without an error object from an error without causes', async () => {
    hook.respond(() => ({ commands: [{ type: 'com.okta.action.update', value: { registration: 'DENY' } }] }))
    expect(await callInlineHook(target, attempt)).toEqual({ kind: 'deny' })
    hook.respond(() => ({ error: { errorSummary: 'Nope' } }))
    expect(await callInlineHook(target, attempt)).toEqual({ kind: 'deny', causes: [] })
  })

  it('builds both of Okta’s documented request shapes, key for key', () => {
    const keys = (value: unknown): unknown =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, keys((value as Record<string, unknown>)[key])]))
        : typeof value
    const [registration, progressive] = hookRequestFixtures.slice(0, 2).map((name) => oktaFixture(`hook/${name}`))
    const request = { ipAddress: '127.0.0.1', requestId: 'req-1' }
    expect(keys(oktaHookRequest({ ...request, requestType: 'self.service.registration', userProfile: registration!.data.userProfile }))).toEqual(keys(registration))
    const user = { id: '00u1', login: 'rosario.jones@example.com', profile: progressive!.data.context.user.profile, passwordChanged: '2022-01-01T00:00:00.000Z' }
    expect(keys(oktaHookRequest({ ...request, requestType: 'progressive.profile', user, userProfileUpdate: progressive!.data.userProfileUpdate }))).toEqual(keys(progressive))
  })
})
