import { describe, expect, it } from 'vitest'
import { buildTestServer } from '../../helpers/server.ts'

describe('the sample app of the redirect model (/app)', () => {
  it('shows a Sign in button under a CSP with nonces and no inline script', async () => {
    const app = await buildTestServer()
    const response = await app.inject({ url: '/app' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('<button type="submit">Sign in</button>')
    const csp = String(response.headers['content-security-policy'])
    const styleNonce = /style-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1]
    expect(response.body).toContain(`<style nonce="${styleNonce}">`)
    expect(response.body).not.toContain('<script')
  })

  it('sends the browser to the issuer’s authorize with PKCE S256, a state, a nonce and its registered callback', async () => {
    const app = await buildTestServer()
    const response = await app.inject({ url: '/app/login', headers: { host: '127.0.0.1:3000' } })
    expect(response.statusCode).toBe(302)
    const authorize = new URL(response.headers.location as string)
    expect(authorize.origin + authorize.pathname).toBe('http://127.0.0.1:3000/oauth2/default/v1/authorize')
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'registration-kit-local',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:3000/app/callback',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
      state: expect.any(String),
      nonce: expect.any(String),
    })
  })

  it('shows the issuer’s error as text, and refuses a callback it did not start', async () => {
    const app = await buildTestServer()
    const error = await app.inject({ url: '/app/callback?error=access_denied&error_description=%3Cb%3Eno%3C%2Fb%3E&state=x' })
    expect(error.statusCode).toBe(400)
    expect(error.body).toContain('access_denied: &lt;b&gt;no&lt;/b&gt;')
    const stranger = await app.inject({ url: '/app/callback?code=abc&state=unknown' })
    expect(stranger.statusCode).toBe(400)
    expect(stranger.body).toContain('not started here')
  })
})

describe('what the offline server logs', () => {
  it('never a query string of the emulator or the app’s callback: no code, state token, ID token hint or address', async () => {
    const logs: string[] = []
    const app = await buildTestServer({ logs })
    const secrets = ['secret.person@example.com', 'code-abc', 'token-def', 'hint-ghi']
    await app.inject({ url: '/emulator/outbox?to=secret.person@example.com' })
    await app.inject({ url: '/app/callback?code=code-abc&state=x' })
    await app.inject({ url: '/login/token/redirect?stateToken=token-def' })
    await app.inject({ url: '/oauth2/default/v1/logout?id_token_hint=hint-ghi' })
    const written = logs.join('\n')
    expect(written).toContain('"url":"/emulator/outbox"')
    for (const secret of secrets) expect(written).not.toContain(secret)
  })
})
