import browserHeaders from '../../../server/plugins/browserHeaders.ts'
import Fastify, { type FastifyInstance } from 'fastify'
import { describe, expect, it, onTestFinished } from 'vitest'
import page from '../../../server/page/index.ts'
import { WIDGET_PREFIX, type WidgetGeneration } from '../../../server/page/widgetBundle.ts'
import { policyWith } from '../../helpers/policy.ts'

const policy = policyWith()

/** The page alone on a Fastify of its own, closed when the test ends. */
async function buildPage(issuer: string, generation: WidgetGeneration = 'gen2'): Promise<FastifyInstance> {
  const app = Fastify()
  onTestFinished(() => app.close())
  await app.register(browserHeaders)
  await app.register(page, {
    okta: { issuer, clientId: 'client', redirectUri: '/login/callback' },
    policy,
    kit: { departmentsUrl: '/api/departments' },
    generation,
  })
  await app.ready()
  return app
}

const configOf = (html: string) => JSON.parse(/<script type="application\/json" id="page-config"[^>]*>([^<]*)<\/script>/.exec(html)![1]!)

describe('GET /', () => {
  it('does not upgrade requests to https, so the page works on plain http hosts', async () => {
    const app = await buildPage('/oauth2/default')
    const response = await app.inject({ url: '/' })
    expect(String(response.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests')
  })

  it('gives every script the per-request nonce that the CSP allows', async () => {
    const app = await buildPage('/oauth2/default')
    const [first, second] = [await app.inject({ url: '/' }), await app.inject({ url: '/' })]
    const nonce = /script-src[^;]*'nonce-([^']+)'/.exec(String(first.headers['content-security-policy']))?.[1]
    expect(nonce).toBeTruthy()
    expect(first.body.match(/nonce="([^"]+)"/g)).toEqual(Array(3).fill(`nonce="${nonce}"`))
    expect(second.body).not.toContain(nonce)
  })

  it('resolves the emulator’s issuer and redirect URI against the request’s origin', async () => {
    const app = await buildPage('/oauth2/default')
    const response = await app.inject({ url: '/', headers: { host: '127.0.0.1:4567' } })
    expect(configOf(response.body).widget).toMatchObject({
      issuer: 'http://127.0.0.1:4567/oauth2/default',
      clientId: 'client',
      redirectUri: 'http://127.0.0.1:4567/login/callback',
    })
    expect(String(response.headers['content-security-policy'])).toMatch(/connect-src 'self'(;|$)/)
  })

  it('escapes "<" in the JSON config so policy text cannot close the script element', async () => {
    const withMarkup = Fastify()
    onTestFinished(() => withMarkup.close())
    await withMarkup.register(browserHeaders)
    const hostile = { ...policy, messages: { ...policy.messages, en: { ...policy.messages.en!, summary: '</script><script>alert(1)</script>' } } }
    await withMarkup.register(page, { okta: { issuer: '/oauth2/default', clientId: 'c', redirectUri: '/cb' }, policy: hostile, kit: false, generation: 'gen2' })
    const { body } = await withMarkup.inject({ url: '/' })
    expect(body).not.toContain('<script>alert(1)')
    expect(configOf(body).policy.messages.en.summary).toBe('</script><script>alert(1)</script>')
  })

  it('serves only the widget files the page needs, and the legal pages', async () => {
    const app = await buildPage('/oauth2/default')
    expect((await app.inject({ url: '/widget/js/okta-sign-in.oie.min.js' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/widget/css/okta-sign-in.min.css' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/widget/js/okta-sign-in.next.js' })).statusCode).toBe(404)
    expect((await app.inject({ url: '/widget/labels/json/login_fr.json' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/widget/../package.json' })).statusCode).toBe(404)
    expect((await app.inject({ url: '/legal/terms' })).body).toContain('Terms of Service')
    expect((await app.inject({ url: '/legal/privacy' })).body).toContain('Privacy Policy')
  })

  it('loads the third-generation bundle, its font stylesheet and fonts when the page runs Gen3', async () => {
    const gen3 = await buildPage('/oauth2/default', 'gen3')
    const { body } = await gen3.inject({ url: '/' })
    expect(body).toContain(`<script src="${WIDGET_PREFIX}js/okta-sign-in.next.js"`)
    expect(body).toContain(`<link rel="stylesheet" href="${WIDGET_PREFIX}css/okta-sign-in.next.css">`)
    expect(body).not.toContain('okta-sign-in.oie.min.js')
    for (const file of ['js/okta-sign-in.next.js', 'css/okta-sign-in.next.css', 'font/inter-latin-400-normal.woff2']) {
      expect((await gen3.inject({ url: `${WIDGET_PREFIX}${file}` })).statusCode).toBe(200)
    }
    expect((await gen3.inject({ url: `${WIDGET_PREFIX}js/okta-sign-in.oie.min.js` })).statusCode).toBe(404)
  })

  it('serves the same page on the redirect URI', async () => {
    const app = await buildPage('/oauth2/default')
    const response = await app.inject({ url: '/login/callback?state=x' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('id="sign-in-widget"')
  })

  it('allows a real org’s origin in connect-src', async () => {
    const org = await buildPage('https://acme.okta.com/oauth2/default')
    const response = await org.inject({ url: '/' })
    expect(String(response.headers['content-security-policy'])).toContain("connect-src 'self' https://acme.okta.com")
    expect(configOf(response.body).widget.issuer).toBe('https://acme.okta.com/oauth2/default')
  })
})
