import Fastify from 'fastify'
import { describe, expect, it, onTestFinished } from 'vitest'
import hostedPreview, { createHostedPage } from '../../../../server/emulator/hostedPage/index.ts'
import browserHeaders from '../../../../server/plugins/browserHeaders.ts'
import { buildTestServer } from '../../../helpers/server.ts'

const cspOf = (headers: Record<string, unknown>) => String(headers['content-security-policy'])

describe('GET /hosted (offline)', () => {
  it('serves Okta’s template with one per-request nonce on every script and style, allowed by the CSP without unsafe-inline', async () => {
    const app = await buildTestServer()
    const response = await app.inject({ url: '/hosted' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-store')
    const csp = cspOf(response.headers)
    const nonce = /script-src 'self' 'nonce-([0-9a-f]{32})'(;|$)/.exec(csp)?.[1]
    expect(nonce).toBeTruthy()
    expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`)
    expect(csp).not.toContain('unsafe-inline')
    const tags = response.body.match(/<(script|style)\b[^>]*>/g)!
    // The widget, the snippet, the template's style, OktaUtil and the template's script.
    expect(tags).toHaveLength(5)
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`)
    expect((await app.inject({ url: '/hosted' })).body).not.toContain(nonce)
  }, 30_000)

  it('pastes the snippet right below the widget’s own script and stylesheet and leaves no template tag', async () => {
    const app = await buildTestServer()
    const { body } = await app.inject({ url: '/hosted' })
    expect(body).toMatch(
      /<script src="\/widget\/[\d.]+\/js\/okta-sign-in\.oie\.min\.js" nonce="\w+"><\/script>\n<link rel="stylesheet" href="\/widget\/[\d.]+\/css\/okta-sign-in\.min\.css">\n<script nonce="\w+">\n\/\* Registration Kit/,
    )
    expect(body).toContain('RegistrationKit.attachToHostedPage({')
    expect(body).toContain('"departmentsUrl": "/api/departments"')
    expect(body.indexOf('attachToHostedPage')).toBeLessThan(body.indexOf('var oktaSignIn = new OktaSignIn(config)'))
    expect(body).not.toContain('{{')
  }, 30_000)

  it('gives OktaUtil the emulator’s widget config on the request’s origin, with registration on', async () => {
    const app = await buildTestServer()
    const { body } = await app.inject({ url: '/hosted', headers: { host: '127.0.0.1:4567' } })
    const json = /getSignInWidgetConfig: function \(\) \{\n\s*return (\{[^;]*\});/.exec(body)![1]!
    expect(JSON.parse(json)).toMatchObject({
      issuer: 'http://127.0.0.1:4567/oauth2/default',
      clientId: 'registration-kit-local',
      redirectUri: 'http://127.0.0.1:4567/login/callback',
      assets: { baseUrl: '/widget' },
      useClassicEngine: false,
      features: { registration: true },
    })
  }, 30_000)
})

describe('GET /hosted before the code-editor build', () => {
  it('says what to run instead of serving a page without the snippet', async () => {
    const app = Fastify()
    onTestFinished(() => app.close())
    await app.register(browserHeaders)
    const okta = { issuer: '/oauth2/default', clientId: 'client', redirectUri: '/login/callback' }
    await app.register(hostedPreview, { okta, hostedPage: createHostedPage({ snippet: undefined, generation: 'gen2' }) })
    const response = await app.inject({ url: '/hosted' })
    expect(response.statusCode).toBe(503)
    expect(response.body).toContain('npm run build')
  })
})

describe('GET /hosted with a real Okta org', () => {
  it('is not served', async () => {
    const app = await buildTestServer({ env: { OKTA_ISSUER: 'https://acme.okta.com/oauth2/default', OKTA_CLIENT_ID: 'x' } })
    expect((await app.inject({ url: '/hosted' })).statusCode).toBe(404)
  })
})
