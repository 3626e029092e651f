import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { allowedProfile, registrationRequest } from '../../helpers/hookRequests.ts'
import { buildTestServer, HOOK_SECRET } from '../../helpers/server.ts'

const valid = JSON.stringify(registrationRequest(allowedProfile))

const send = (app: FastifyInstance, payload: string, contentType = 'application/json') =>
  app.inject({ method: 'POST', url: '/hooks/registration', headers: { authorization: HOOK_SECRET, 'content-type': contentType }, payload })

describe('POST /hooks/registration with bad input', () => {
  it.each([
    ['malformed JSON', '{"eventId": ', 400, /Request body is not valid JSON/],
    ['an empty body', '', 400, /not valid JSON|empty/],
    ['a __proto__ key', valid.replace('{', '{"__proto__":{"isAdmin":true},'), 400, /forbidden prototype property/],
    ['a constructor.prototype key', valid.replace('{', '{"constructor":{"prototype":{"isAdmin":true}},'), 400, /forbidden prototype property/],
    ['a JSON array', '[]', 400, /body must be object/],
    ['a missing data.userProfile', valid.replace('"userProfile"', '"somethingElse"'), 400, /data must have property userProfile/],
    ['a profile that is a string', valid.replace(/"userProfile":\{[^}]*\}/, '"userProfile":"rosario"'), 400, /userProfile must be object/],
    ['a name that is an object', valid.replace('"firstName":"Rosario"', '"firstName":{"a":1}'), 400, /firstName/],
    ['an eventTime that is not an ISO 8601 time', valid.replace('2022-04-25T17:35:27.000Z', 'yesterday'), 400, /eventTime/],
    ['a missing eventId', valid.replace('"eventId"', '"eventIdentifier"'), 400, /must have required property 'eventId'/],
    ['another event type', valid.replace('com.okta.user.pre-registration', 'com.okta.oauth2.tokens.transform'), 400, /eventType/],
    ['an unknown request type', valid.replace('self.service.registration', 'self.service.hack'), 400, /requestType/],
  ])('returns %s a 400 naming the problem', async (_, payload, status, message) => {
    const response = await send(await buildTestServer(), payload)
    expect(response.statusCode).toBe(status)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(response.json().message).toMatch(message)
  })

  it('returns 415 for a body that is not JSON', async () => {
    const response = await send(await buildTestServer(), 'eventId=1', 'application/x-www-form-urlencoded')
    expect(response.statusCode).toBe(415)
    expect(response.json().message).toMatch(/Unsupported Media Type/i)
  })

  it('returns 413 for a body over 64 KB', async () => {
    const big = JSON.stringify(registrationRequest({ ...allowedProfile, note: 'x'.repeat(70 * 1024) }))
    const response = await send(await buildTestServer(), big)
    expect(response.statusCode).toBe(413)
    expect(response.json().code).toBe('FST_ERR_CTP_BODY_TOO_LARGE')
  })

  it('keeps serving after every kind of bad input', async () => {
    const app = await buildTestServer()
    await send(app, '{')
    await send(app, '[]')
    expect((await send(app, valid)).statusCode).toBe(200)
  })
})

describe('POST /hooks/registration with costly input', () => {
  // Regression: a 60 KB department ("a a a …") once held the event loop for ~360 ms in the directory search.
  it('answers a 60 KB department quickly with UNKNOWN_DEPARTMENT and no suggestion', async () => {
    const app = await buildTestServer()
    const response = await app.inject({
      method: 'POST',
      url: '/hooks/registration',
      headers: { authorization: HOOK_SECRET },
      payload: registrationRequest({ ...allowedProfile, department: 'a '.repeat(30_000) }),
    })
    expect(response.json().error.errorCauses).toEqual([
      expect.objectContaining({ reason: 'UNKNOWN_DEPARTMENT', errorSummary: 'Choose a department from the list.' }),
    ])
  })
})
