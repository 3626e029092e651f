import { describe, expect, it } from 'vitest'
import { buildTestServer } from '../helpers/server.ts'

describe('the app', () => {
  it('answers GET /healthz with 200 when ready', async () => {
    const app = await buildTestServer()
    const response = await app.inject('/healthz')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
  })

  it('answers unknown routes with a JSON 404', async () => {
    const app = await buildTestServer()
    const response = await app.inject('/no/such/thing')
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({ statusCode: 404, error: 'Not Found' })
  })

  it('sends JSON answers, found or not, with headers that keep a browser from rendering them', async () => {
    const app = await buildTestServer()
    for (const url of ['/healthz', '/api/departments?q=fin', '/no/such/thing']) {
      const response = await app.inject(url)
      expect(response.headers['x-content-type-options'], url).toBe('nosniff')
      expect(response.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'")
    }
  })

  it('sends the page with its own CSP, a fresh nonce per response', async () => {
    const app = await buildTestServer()
    const nonces = []
    for (const _ of [1, 2]) {
      const csp = String((await app.inject('/')).headers['content-security-policy'])
      expect(csp).toContain("default-src 'self'")
      nonces.push(/script-src[^;]*'nonce-([^']+)'/.exec(csp)?.[1])
    }
    expect(nonces[0]).toBeTruthy()
    expect(nonces[0]).not.toBe(nonces[1])
  })
})
