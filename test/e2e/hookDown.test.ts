import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer } from 'node:net'
import type { Page } from 'playwright'
import { afterAll, describe, expect, it } from 'vitest'
import { fillSignUp, openSignUp, registrant, submitSignUp } from './flows.ts'
import { GENERATIONS, useBrowserSuite } from './harness.ts'
import type { WidgetGeneration } from '../../server/page/widgetBundle.ts'

/** A port where nothing listens: connecting to it fails at once, like a hook that is down. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return typeof address === 'object' && address ? address.port : 9
}

/** A hook that accepts the request and never answers: Okta gives up after 3 s, twice. */
async function silentHook(): Promise<{ hook: Server; url: string }> {
  const hook = createHttpServer(() => {})
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
  const address = hook.address()
  return { hook, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 9}/hooks/registration` }
}

describe.each(GENERATIONS)('a registration on the bare %s widget when the hook fails', (generation) => {
  let silent: Awaited<ReturnType<typeof silentHook>>
  const { servers, open } = useBrowserSuite(async () => {
    silent = await silentHook()
    return {
      down: { hookUrl: `http://127.0.0.1:${await closedPort()}/hooks/registration`, kit: false, generation },
      slow: { hookUrl: silent.url, kit: false, generation },
    }
  })
  afterAll(() => {
    silent?.hook.closeAllConnections()
    silent?.hook.close()
  })

  it('tells the user their account could not be created when the hook is down, on the same form', async () => {
    await expectRegistrationFailure((await open(servers.down.url)).page, generation)
  })

  it('tells the user their account could not be created when the hook answers after more than 3 s', async () => {
    await expectRegistrationFailure((await open(servers.slow.url)).page, generation)
  })
})

async function expectRegistrationFailure(page: Page, generation: WidgetGeneration) {
  await openSignUp(page)
  const who = registrant()
  await fillSignUp(page, who)
  await submitSignUp(page)
  const banner = page.getByText('There was an error creating your account. Please try registering again.')
  await expect.poll(() => banner.isVisible(), { timeout: 15_000 }).toBe(true)
  if (generation === 'gen2') {
    // Gen2 keeps the form under the banner, with what the user typed.
    expect(await page.getByLabel('Email').inputValue()).toBe(who.email)
  } else {
    // Gen3 ends the transaction on Okta's form-less error answer and offers the way back.
    expect(await page.getByRole('link', { name: 'Back to sign in' }).isVisible()).toBe(true)
  }
}
