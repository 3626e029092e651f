import type { FastifyInstance } from 'fastify'
import { beforeEach, describe, expect, it } from 'vitest'
import { authorize, buildEmulator, idx, interact, pkce, startFakeHook, startSignUp, validProfile } from './helper.ts'

const LIMIT = 2048
const long = (length = LIMIT + 1) => 'x'.repeat(length)

describe('the emulator’s bounds', () => {
  let hook: Awaited<ReturnType<typeof startFakeHook>>
  let app: FastifyInstance
  let count = 0
  const someone = () => ({ ...validProfile, email: `limits${++count}@example.com` })

  beforeEach(async () => {
    hook = await startFakeHook()
    app = await buildEmulator(hook.url, { maxTransactions: 3 })
  })

  const introspect = (interactionHandle: string) => idx(app, 'introspect', { interactionHandle })

  it('keeps at most maxTransactions live: one more forgets the oldest', async () => {
    const handles: string[] = []
    for (let i = 0; i < 5; i++) handles.push((await interact(app, pkce().challenge)).json().interaction_handle)
    const statuses = await Promise.all(handles.map(async (handle) => (await introspect(handle)).statusCode))
    expect(statuses).toEqual([401, 401, 200, 200, 200])
  })

  it.each([
    ['authorize', 'state', () => authorize(app, { state: long() })],
    ['authorize', 'code_challenge', () => authorize(app, { code_challenge: long() })],
    ['interact', 'nonce', () => interact(app, pkce().challenge, { nonce: long() })],
    ['interact', 'scope', () => interact(app, pkce().challenge, { scope: long() })],
    ['IDX', 'userProfile.firstName', async () => idx(app, 'enroll/new', { stateHandle: 'x', userProfile: { ...validProfile, firstName: long() } })],
  ])('answers a field over 2 KB at %s with a 400 naming it (%s), sending the browser nowhere', async (_route, field, send) => {
    const response = await send()
    expect(response.statusCode).toBe(400)
    expect(response.headers.location).toBeUndefined()
    expect(response.body).toContain(`'${field}' is longer than 2048 characters`)
  })

  it('takes a field of exactly 2 KB', async () => {
    expect((await interact(app, pkce().challenge, { state: long(LIMIT) })).statusCode).toBe(200)
  })

  it('answers a body nested thousands deep with a 4xx, not a stack overflow', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)
    const response = await app.inject({ method: 'POST', url: '/idp/idx/introspect', headers: { 'content-type': 'application/json' }, payload: deep })
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(response.statusCode).toBeLessThan(500)
  })

  it('ends the transaction after five wrong email codes; a resent code starts the count again', async () => {
    const profile = someone()
    const stateHandle = await startSignUp(app, pkce().challenge)
    const accepted = (await idx(app, 'enroll/new', { stateHandle, userProfile: profile })).json()
    await idx(app, 'credential/enroll', { stateHandle, authenticator: { id: accepted.authenticators.value[0].id } })
    const { messages } = (await app.inject({ url: `/emulator/outbox?to=${profile.email}` })).json()
    const wrongCode = messages[0].code === '000000' ? '111111' : '000000'
    const tryWrong = () => idx(app, 'challenge/answer', { stateHandle, credentials: { passcode: wrongCode } })
    for (let i = 0; i < 4; i++) expect((await tryWrong()).json().remediation.value[0].name).toBe('enroll-authenticator')
    await idx(app, 'challenge/resend', { stateHandle })
    for (let i = 0; i < 4; i++) expect((await tryWrong()).json().remediation).toBeDefined()
    const last = await tryWrong()
    expect(last.statusCode).toBe(400)
    expect(last.json().remediation).toBeUndefined()
    expect(last.json().messages.value[0].message).toMatch(/^Too many failed attempts/)
    expect((await idx(app, 'introspect', { stateToken: stateHandle })).statusCode).toBe(401)
  })
})
