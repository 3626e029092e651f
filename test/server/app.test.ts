import { describe, expect, it } from 'vitest'
import { buildTestServer } from '../helpers/server.ts'

describe('the app', () => {
  it('answers GET /healthz with 200 when ready', async () => {
    const app = await buildTestServer()
    const response = await app.inject('/healthz')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
    await app.close()
  })

  it('answers unknown routes with a JSON 404', async () => {
    const app = await buildTestServer()
    const response = await app.inject('/no/such/thing')
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({ statusCode: 404, error: 'Not Found' })
    await app.close()
  })

  it('sends security headers on every response', async () => {
    const app = await buildTestServer()
    const response = await app.inject('/healthz')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-security-policy']).toContain("default-src 'self'")
    await app.close()
  })
})
