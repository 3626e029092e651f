import { dereference, validate } from '@readme/openapi-parser'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { LightMyRequestResponse } from 'fastify'
import { describe, expect, it } from 'vitest'
import { hookRequestFixtures, oktaFixture } from '../fixtures/okta/index.ts'
import { allowedProfile, registrationRequest } from '../helpers/hookRequests.ts'
import { buildTestServer, HOOK_SECRET } from '../helpers/server.ts'

// Formats are not checked: zod writes each format together with the pattern that defines it.
const ajv = new Ajv2020({ validateFormats: false })

async function served(env?: Record<string, string>) {
  const app = await buildTestServer({ env })
  const response = await app.inject('/openapi.json')
  return { app, response, document: response.json() }
}

/** The document's operations with every `$ref` resolved, as a client generator reads them. */
async function operations(document: Record<string, any>) {
  const { paths } = await dereference(structuredClone(document) as Parameters<typeof dereference>[0])
  return paths as Record<string, Record<string, any>>
}

/** The body schema the operation gives for a status: its own entry, or else its range (`4XX`). */
function responseSchema(operation: Record<string, any>, status: number) {
  const entry = operation.responses[status] ?? operation.responses[`${String(status)[0]}XX`]
  return ajv.compile(entry.content['application/json'].schema)
}

function expectValid(check: ReturnType<typeof ajv.compile>, body: unknown) {
  expect(check(body), JSON.stringify(check.errors)).toBe(true)
}

describe('GET /openapi.json', () => {
  it('serves a valid OpenAPI 3.1 document with the JSON API headers', async () => {
    const { response, document } = await served()
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(document.openapi).toMatch(/^3\.1\./)
    const result = await validate(structuredClone(document))
    expect(result.valid, JSON.stringify(result)).toBe(true)
    expect(result.warnings).toEqual([])
    expect(Object.keys(document.paths)).toEqual(['/hooks/registration', '/api/departments'])
  })

  it('documents the header secret under the configured header name, and a bearer token only when OAuth is configured', async () => {
    const secretOnly = (await served({ HOOK_AUTH_HEADER: 'X-Okta-Secret' })).document
    expect(secretOnly.components.securitySchemes).toEqual({
      hookSecret: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-okta-secret' }),
    })
    expect(secretOnly.paths['/hooks/registration'].post.security).toEqual([{ hookSecret: [] }])

    const both = (
      await served({ HOOK_OAUTH_ISSUER: 'http://127.0.0.1:9/oauth2/hooks', HOOK_OAUTH_AUDIENCE: 'api://hook', HOOK_OAUTH_SCOPE: 'okta.hooks', HOOK_OAUTH_CLIENT_ID: '0oahook' })
    ).document
    expect(both.components.securitySchemes.oktaBearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    expect(both.components.securitySchemes.oktaBearer.description).toContain('http://127.0.0.1:9/oauth2/hooks')
    expect(both.paths['/hooks/registration'].post.security).toEqual([{ hookSecret: [] }, { oktaBearer: [] }])
    expect((await validate(structuredClone(both))).valid).toBe(true)
  })

  it("accepts Okta's documented hook requests and responses, and the document's own ALLOW and DENY examples", async () => {
    const hook = (await operations((await served()).document))['/hooks/registration']!.post
    const request = ajv.compile(hook.requestBody.content['application/json'].schema)
    for (const name of hookRequestFixtures) expectValid(request, oktaFixture(`hook/${name}`))
    expect(request({ ...oktaFixture('hook/ssr-request.json'), eventType: 'com.okta.user.pre-activation' })).toBe(false)

    const answer = hook.responses[200].content['application/json']
    const response = ajv.compile(answer.schema)
    for (const name of ['ssr-profile-update-response', 'progressive-profile-update-response', 'ssr-deny-response'] as const) {
      expectValid(response, oktaFixture(`hook/${name}.json`))
    }
    expect(Object.keys(answer.examples)).toEqual(['allow', 'deny'])
    for (const { value } of Object.values<{ value: unknown }>(answer.examples)) expectValid(response, value)
  })

  it('describes what the server sends: the hook allows, rejects and denies, the departments API answers and limits', async () => {
    const { app, document } = await served({ DEPARTMENTS_RATE_LIMIT: '2' })
    const paths = await operations(document)
    const hook = (headers: Record<string, string>, payload: object | string) =>
      app.inject({ method: 'POST', url: '/hooks/registration', headers, payload })
    const answers: [Record<string, any>, LightMyRequestResponse][] = [
      [paths['/hooks/registration']!.post, await hook({ authorization: HOOK_SECRET }, registrationRequest(allowedProfile))],
      [paths['/hooks/registration']!.post, await hook({ authorization: HOOK_SECRET }, registrationRequest({ ...allowedProfile, termsAccepted: false }))],
      [paths['/hooks/registration']!.post, await hook({}, registrationRequest(allowedProfile))],
      [paths['/hooks/registration']!.post, await hook({ authorization: HOOK_SECRET, 'content-type': 'application/json' }, '{not json')],
      [paths['/api/departments']!.get, await app.inject('/api/departments?q=fin')],
      [paths['/api/departments']!.get, await app.inject('/api/departments?limit=0')],
      [paths['/api/departments']!.get, await app.inject('/api/departments?q=fin')],
    ]
    expect(answers.map(([, response]) => response.statusCode)).toEqual([200, 200, 401, 400, 200, 400, 429])
    for (const [operation, response] of answers) expectValid(responseSchema(operation, response.statusCode), response.json())
  })
})
