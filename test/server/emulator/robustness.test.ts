import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEmulator, idx, pkce, startFakeHook, startSignUp } from './helper.ts'

const IDX_PATHS = [
  'introspect',
  'identify',
  'identify/select',
  'enroll',
  'enroll/new',
  'credential/enroll',
  'challenge/answer',
  'challenge/poll',
  'challenge/resend',
  'cancel',
]

describe('the emulator with arbitrary input', () => {
  let hook: Awaited<ReturnType<typeof startFakeHook>>
  let app: FastifyInstance
  let stateHandle: string

  beforeAll(async () => {
    hook = await startFakeHook()
    app = await buildEmulator(hook.url)
    stateHandle = await startSignUp(app, pkce().challenge)
  })
  afterAll(async () => {
    await app.close()
    await hook.close()
  })

  it('never answers an IDX request with a 5xx, and always with JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IDX_PATHS),
        fc.dictionary(fc.constantFrom('userProfile', 'authenticator', 'credentials', 'interactionHandle', 'x'), fc.jsonValue()),
        fc.boolean(),
        async (path, body, withHandle) => {
          const response = await idx(app, path, withHandle ? { ...body, stateHandle } : body)
          expect(response.statusCode).toBeLessThan(500)
          expect(response.headers['content-type']).toContain('application/json')
        },
      ),
      { numRuns: 150 },
    )
  })

  it('never answers the token endpoint with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 60 })), async (fields) => {
        const response = await app.inject({
          method: 'POST',
          url: '/oauth2/default/v1/token',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(fields).toString(),
        })
        expect(response.statusCode).toBeLessThan(500)
      }),
      { numRuns: 100 },
    )
  })
})
