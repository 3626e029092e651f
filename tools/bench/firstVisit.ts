import { get } from 'node:http'
import type { WidgetGeneration } from '../../server/page/widgetBundle.ts'
import { launchBrowser } from '../../test/e2e/harness.ts'
import { startCompiledServer } from '../../test/helpers/compiledServer.ts'

// Issue #8: a first visit of the Gen2 page transferred 1.9 MB before compression; the aim is under 600 KB.
export const FIRST_VISIT_AIM_BYTES = 600 * 1024

/** What a browser loads to show the sign-in form; the widget's API calls to Okta (here the emulator) are not counted. */
const PAGE_RESOURCES = new Set(['document', 'script', 'stylesheet', 'font', 'image'])

export interface FirstVisit {
  generation: WidgetGeneration
  bytes: number
  /** The same files sent uncompressed, for comparison. */
  uncompressedBytes: number
  files: Array<{ path: string; bytes: number; encoding: string }>
}

/** The URLs a real Chromium requests for the page until the sign-in form is shown with its fonts. */
async function pageUrls(origin: string): Promise<string[]> {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    const urls: string[] = []
    page.on('request', (request) => {
      if (PAGE_RESOURCES.has(request.resourceType()) && request.url().startsWith(origin)) urls.push(request.url())
    })
    await page.goto(`${origin}/`)
    // Gen3 renders later than the load event: wait for the form's first field, then for what it loads.
    await page.locator('input[name="identifier"]').waitFor()
    await page.evaluate(() => document.fonts.ready)
    await page.waitForLoadState('networkidle')
    return urls
  } finally {
    await browser.close()
  }
}

/** One GET with this Accept-Encoding: the bytes of its status line, headers and body on the wire. */
function transfer(url: string, acceptEncoding = 'br, gzip'): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      let bytes = Buffer.byteLength(`HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n\r\n`)
      for (let i = 0; i < response.rawHeaders.length; i += 2) bytes += Buffer.byteLength(`${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}\r\n`)
      response.on('data', (chunk: Buffer) => (bytes += chunk.length))
      response.on('end', () => resolve({ bytes, encoding: response.headers['content-encoding'] ?? 'identity' }))
      response.on('error', reject)
    }).on('error', reject)
  })
}

const total = (transfers: Array<{ bytes: number }>) => transfers.reduce((sum, { bytes }) => sum + bytes, 0)

/** The compiled server (`npm run build` first) with one widget generation, visited once. */
async function measureFirstVisit(generation: WidgetGeneration): Promise<FirstVisit> {
  const server = await startCompiledServer({ WIDGET_GENERATION: generation, LOG_LEVEL: 'warn' })
  try {
    const urls = await pageUrls(server.origin)
    const files = []
    for (const url of urls) files.push({ path: new URL(url).pathname, ...(await transfer(url)) })
    const uncompressed = await Promise.all(urls.map((url) => transfer(url, 'identity')))
    return { generation, bytes: total(files), uncompressedBytes: total(uncompressed), files }
  } finally {
    await server.close()
  }
}

/** The Gen2 page, which the aim is about, and the Gen3 page. */
export async function measureFirstVisits(): Promise<FirstVisit[]> {
  return [await measureFirstVisit('gen2'), await measureFirstVisit('gen3')]
}

export function formatFirstVisit({ generation, bytes, uncompressedBytes, files }: FirstVisit): string {
  const kb = (count: number) => `${(count / 1024).toFixed(1)} KB`
  const verdict = generation === 'gen2' ? `  ${bytes <= FIRST_VISIT_AIM_BYTES ? 'within' : 'OVER'} the aim of ${kb(FIRST_VISIT_AIM_BYTES)}` : ''
  return [
    `page first visit (${generation}), accept-encoding br, gzip: ${kb(bytes)} in ${files.length} files (uncompressed ${kb(uncompressedBytes)})${verdict}`,
    ...files.map((file) => `       ${kb(file.bytes).padStart(9)}  ${file.encoding.padEnd(8)} ${file.path}`),
  ].join('\n')
}

if (process.argv[1] === import.meta.filename) {
  for (const visit of await measureFirstVisits()) console.log(formatFirstVisit(visit))
}
