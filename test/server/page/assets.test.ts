import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { WIDGET_ASSETS_PREFIX, WIDGET_BUNDLES, WIDGET_PREFIX } from '../../../server/page/widgetBundle.ts'
import { buildTestServer } from '../../helpers/server.ts'

const BROWSER = { 'accept-encoding': 'br, gzip' }
const YEAR = 365 * 24 * 60 * 60

// The page's bundle and the widget's compressed files come from the test run's build (test/helpers/builtFiles.ts).
const get = (app: FastifyInstance, url: string, headers: Record<string, string> = BROWSER) => app.inject({ url, headers })

describe('compressed, cached assets', () => {
  it('sends the widget brotli-compressed under its versioned path, to be kept for a year', async () => {
    const app = await buildTestServer()
    const url = `${WIDGET_PREFIX}${WIDGET_BUNDLES.gen2.script}`
    const plain = await get(app, url, {})
    const response = await get(app, url)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['content-type']).toMatch(/javascript/)
    expect(response.headers.vary).toMatch(/accept-encoding/i)
    expect(response.headers['cache-control']).toBe(`public, max-age=${YEAR}, immutable`)
    expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4)
    expect(plain.headers['content-encoding']).toBeUndefined()
  })

  it('sends gzip to a browser that accepts no brotli', async () => {
    const response = await get(await buildTestServer(), `${WIDGET_PREFIX}${WIDGET_BUNDLES.gen2.stylesheet}`, { 'accept-encoding': 'gzip' })
    expect(response.headers['content-encoding']).toBe('gzip')
  })

  it('compresses the page bundle, the label files the widget fetches and the logo, revalidated by ETag', async () => {
    const app = await buildTestServer()
    for (const url of ['/page/page.js', '/page/page.css', '/page/logo.svg', `${WIDGET_ASSETS_PREFIX}labels/json/login_fr.json`]) {
      const response = await get(app, url)
      expect(response.headers['content-encoding'], url).toBe('br')
      expect(response.headers['cache-control'], url).not.toContain('immutable')
      expect(response.headers.etag, url).toBeTruthy()
    }
  })

  it('answers 304 to If-None-Match, for each encoding', async () => {
    const app = await buildTestServer()
    for (const url of ['/page/page.js', `${WIDGET_PREFIX}${WIDGET_BUNDLES.gen2.script}`]) {
      for (const encoding of ['br', 'gzip', 'identity']) {
        const first = await get(app, url, { 'accept-encoding': encoding })
        const again = await get(app, url, { 'accept-encoding': encoding, 'if-none-match': String(first.headers.etag) })
        expect(again.statusCode, `${url} ${encoding}`).toBe(304)
        expect(again.body).toBe('')
      }
    }
  })
})
