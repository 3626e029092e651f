import type { Page } from 'playwright'
import { describe, expect, it } from 'vitest'
import {
  enrollAuthenticators,
  enterEmailCode,
  fieldError,
  fillSignUp,
  openSignUp,
  registrant,
  setUpAuthenticator,
  signUpValues,
  submitSignUp,
  waitForForm,
} from './flows.ts'
import { GENERATIONS, screenshotPath, useBrowserSuite } from './harness.ts'

describe.each(GENERATIONS)('registering in the bare %s widget (no kit) against the offline emulator and the real hook', (generation) => {
  // Without the kit, so every message here comes from the hook or the emulator, not from the browser.
  const { servers, open } = useBrowserSuite({ bare: { kit: false, generation } })
  let page: Page

  async function signUpAs(overrides: Parameters<typeof registrant>[0] = {}) {
    ;({ page } = await open(servers.bare.url))
    await openSignUp(page)
    const who = registrant(overrides)
    await fillSignUp(page, who)
    return who
  }

  it('shows the hook’s message under the email field for a denied domain and keeps every typed value', async () => {
    const who = await signUpAs({ email: 'ada@gmail.com' })
    await submitSignUp(page)
    await expect.poll(() => fieldError(page, 'email').textContent()).toContain('Only example.com addresses can register.')
    expect(await signUpValues(page)).toEqual([who.firstName, who.lastName, who.email, who.department])
    expect(await page.getByRole('checkbox').isChecked()).toBe(true)
    await page.screenshot({ path: screenshotPath('error', generation) })
  })

  it('shows the hook’s message under the first name when it contains digits', async () => {
    await signUpAs({ firstName: 'Ada2' })
    await submitSignUp(page)
    await expect.poll(() => fieldError(page, 'firstName').textContent()).toContain('Use 1 to 50 letters')
    await expect.poll(() => fieldError(page, 'lastName').count()).toBe(0)
  })

  it('shows a message under the consent checkbox when it is left unchecked', async () => {
    await signUpAs({ acceptTerms: false })
    await submitSignUp(page)
    await expect.poll(() => fieldError(page, 'termsAccepted').textContent()).toMatch(/\S/)
    expect(await page.getByRole('checkbox').isChecked()).toBe(false)
  })

  it('registers an allowed user with the emailed code and a password, then shows the stamped profile', async () => {
    const who = await signUpAs({ department: '  human   RESOURCES ' })
    await submitSignUp(page)
    await enrollAuthenticators(page, servers.bare.url, who.email)
    const signedIn = page.getByRole('region', { name: 'You are signed in' })
    await expect.poll(() => signedIn.isVisible(), { timeout: 15_000 }).toBe(true)
    const profile = await signedIn.locator('dd').allTextContents()
    expect(profile.slice(0, 3)).toEqual(['Ada Lovelace', who.email, 'Human Resources'])
    expect(profile[3]).toMatch(/^Version 2026-01, on .+ GMT$/)
    // Gen3 renames the document after each form; the page keeps its own title.
    expect(await page.title()).toBe('Create your account')
    await page.screenshot({ path: screenshotPath('success', generation) })

    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect.poll(() => page.getByRole('link', { name: 'Sign up' }).isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await signedIn.isVisible()).toBe(false)
  })

  it('resumes at the email code after a reload in the middle of the registration', async () => {
    const who = await signUpAs()
    await submitSignUp(page)
    await setUpAuthenticator(page, 'Email').click()
    await waitForForm(page, 'credentials.passcode')
    await page.reload()
    await expect.poll(() => page.getByText('Verify with your email').isVisible(), { timeout: 15_000 }).toBe(true)
    await enterEmailCode(page, servers.bare.url, who.email)
    await expect.poll(() => setUpAuthenticator(page, 'Password').isVisible(), { timeout: 15_000 }).toBe(true)
  })
})
