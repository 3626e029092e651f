import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { buildServer } from '../../server/app.ts'
import { loadConfig } from '../../server/config/index.ts'
import type { PolicyInput } from '../../policy/index.ts'
import { defaultPolicy } from '../helpers/policy.ts'
import { HOOK_SECRET, writePolicyFile } from '../helpers/server.ts'
import type { WidgetGeneration } from '../../server/page/widgetBundle.ts'
import { openSignUp } from './flows.ts'

export interface ServerOptions {
  /** Where the emulator sends hook calls (e.g. a port where nothing listens); default: the real hook. */
  hookUrl?: string
  /** false: the page shows the bare widget, so Okta's and the hook's own answers reach the form. */
  kit?: boolean
  /** Policy sections replacing the default's, written to a POLICY_FILE as an operator would. */
  policy?: Partial<PolicyInput>
  /** The widget the page and the hosted preview run (WIDGET_GENERATION); default gen2. */
  generation?: WidgetGeneration
  /** More environment variables, as an operator sets them (e.g. EMULATOR_REDIRECT_URIS). */
  env?: Record<string, string>
}

/** Both widget generations: every browser suite of the kit runs on each. */
export const GENERATIONS: WidgetGeneration[] = ['gen2', 'gen3']

export interface RunningServer {
  app: FastifyInstance
  /** Where it listens, e.g. http://127.0.0.1:41234 */
  url: string
}

/** The offline product as `npm start` builds it, on 127.0.0.1:<random>: the real hook, the emulator calling it over HTTP, the page. */
async function startServer({ hookUrl, kit = true, policy, generation = 'gen2', env }: ServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig({
    HOOK_AUTH_SECRET: HOOK_SECRET,
    PAGE_KIT: kit ? 'on' : 'off',
    WIDGET_GENERATION: generation,
    ...(hookUrl ? { EMULATOR_HOOK_URL: hookUrl } : {}),
    ...(policy ? { POLICY_FILE: writePolicyFile({ ...defaultPolicy, ...policy }) } : {}),
    ...env,
  })
  const app = await buildServer({ config, logger: false })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return { app, url }
}

/** The users the emulator starts with, written as an operator would for EMULATOR_USERS: the file's path. */
export function usersFile(users: object[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'rk-users-')), 'users.json')
  writeFileSync(file, JSON.stringify(users))
  return file
}

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })

/** The browser's language (navigator.languages, Accept-Language) and window size. */
export interface PageOptions {
  locale?: string
  viewport?: { width: number; height: number }
}

/**
 * A browser suite's servers, by name, and its browser: started together before the suite's tests and closed
 * after them. Every page a test opens gets a fresh context, so no widget transaction or cached well-known
 * leaks from one test into another; after the test its contexts are closed and it fails on any console
 * error, 404 or page error they had. `servers` is a function when options are known only once something
 * else runs (a hook the servers call).
 */
export function useBrowserSuite<Name extends string>(
  servers: Record<Name, ServerOptions> | (() => Promise<Record<Name, ServerOptions>>),
) {
  const running = {} as Record<Name, RunningServer>
  let browser: Browser | undefined
  let opened: Array<{ context: BrowserContext; problems: string[] }> = []

  beforeAll(async () => {
    const startAll = async () => {
      const options = typeof servers === 'function' ? await servers() : servers
      await Promise.all(
        (Object.entries(options) as Array<[Name, ServerOptions]>).map(async ([name, serverOptions]) => {
          running[name] = await startServer(serverOptions)
        }),
      )
    }
    ;[browser] = await Promise.all([launchBrowser(), startAll()])
  })
  afterAll(async () => {
    await browser?.close()
    await Promise.all(Object.values<RunningServer>(running).map(({ app }) => app.close()))
  })
  afterEach(async () => {
    const closing = opened
    opened = []
    // Console errors include the browser's CSP reports ("Refused to apply inline style …").
    const problems = closing.flatMap((page) => page.problems)
    await Promise.all(closing.map(({ context }) => context.close()))
    expect(problems).toEqual([])
  })

  return {
    /** Filled in before the suite's tests run. */
    servers: running,
    /** `url` in a fresh context, its problems recorded for the check after the test. */
    async open(url: string, { locale, viewport = { width: 1000, height: 1100 } }: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser!.newContext({ viewport, locale })
      const problems: string[] = []
      opened.push({ context, problems })
      const page = await context.newPage()
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      page.on('console', (message) => {
        // Every 400 (a DENY or a validation error) is logged by the browser; those are expected.
        if (message.type() === 'error' && !/status of 400/.test(message.text())) problems.push(message.text())
      })
      page.on('response', (response) => {
        if (response.status() === 404) problems.push(`404 ${response.url()}`)
      })
      await page.goto(url)
      return { context, page }
    },
  }
}

/** Where tests save screenshots: the README's with `npm run screenshots`, test/artifacts otherwise (Playwright makes the folder). */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.join(import.meta.dirname, '../../docs/screenshots')
  : path.join(import.meta.dirname, '../artifacts/screenshots')

/** Where one generation's screenshot goes: `form.png` for Gen2, `form-gen3.png` for Gen3. */
export const screenshotPath = (name: string, generation: WidgetGeneration) =>
  path.join(SCREENSHOTS, generation === 'gen2' ? `${name}.png` : `${name}-${generation}.png`)

/**
 * Opens the page's sign-up form, recording the method of every registration request the widget sends (to
 * prove none was sent) and the profile each one carried.
 */
export async function openSignUpForm(page: Page) {
  const registrations: string[] = []
  const profiles: Array<Record<string, unknown>> = []
  page.on('request', (request) => {
    if (!request.url().endsWith('/idp/idx/enroll/new')) return
    registrations.push(request.method())
    profiles.push((request.postDataJSON() as { userProfile: Record<string, unknown> }).userProfile)
  })
  await openSignUp(page)
  return { registrations, profiles }
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * axe-core's violations in the widget, every impact, WCAG 2.2 AA and best practices, as `id (count)`.
 * Evaluated by the test driver: the page's CSP rightly blocks an injected <script>.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE)
  return page.evaluate(async () => {
    // Gen3's own header puts the logo in <h1 role="presentation" tabindex="-1">: Okta's markup, not the kit's.
    const context = { include: [['#okta-sign-in']], exclude: [['h1[role="presentation"]']] }
    const runOnly = { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }
    type Axe = { run(context: object, options: object): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> }
    const { violations } = await (window as unknown as { axe: Axe }).axe.run(context, { runOnly })
    return violations.map((violation) => `${violation.id} (${violation.nodes.length})`)
  })
}

