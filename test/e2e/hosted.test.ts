import type { Page } from 'playwright'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MESSAGES } from '../../policy/schema.ts'
import { enrollAuthenticators, fieldError, fillSignUp, registrant, submitSignUp } from './flows.ts'
import { GENERATIONS, openSignUpForm, useBrowserSuite } from './harness.ts'
import { WIDGET_BUNDLES } from '../../server/page/widgetBundle.ts'

describe.each(GENERATIONS)('the code-editor snippet pasted into Okta’s hosted template (/hosted) on the %s widget, in real Chromium', (generation) => {
  const { servers, open } = useBrowserSuite({
    standard: { generation },
    // An empty allow-list: free-mail is then refused by the server's provider lists, which the snippet does not carry.
    emptyAllowList: { generation, policy: { email: { allowedDomains: [] } } },
  })
  let page: Page
  let registrations: string[]

  /** The sign-up form of the hosted page, with every registration request the widget sends recorded. */
  async function openHostedSignUp(on = servers.standard) {
    ;({ page } = await open(`${on.url}/hosted`))
    ;({ registrations } = await openSignUpForm(page))
  }

  /** Clicking the label's text could land on one of its links; the box itself is the consent. */
  const acceptTerms = () => page.getByRole('checkbox', { name: /I agree to the/ }).check({ force: true })

  it('shows the Terms of Service and Privacy Policy as inline links in the consent label, opening in a new tab', async () => {
    await openHostedSignUp()
    const label = page.locator('label').filter({ hasText: 'I agree to the' })
    await expect.poll(() => label.getByRole('link').count()).toBe(2)
    // As a screen reader reads it: each link announces that it opens a new tab.
    expect((await label.innerText()).replace(/\s+/g, ' ')).toBe(
      'I agree to the Terms of Service (opens in a new tab) and Privacy Policy (opens in a new tab)',
    )
    for (const name of ['Terms of Service', 'Privacy Policy']) {
      const link = label.getByRole('link', { name: new RegExp(`^${name}`) })
      expect(await link.getAttribute('target')).toBe('_blank')
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer')
    }
  })

  it('shows the consent message under the checkbox and sends no request when the box is left unchecked', async () => {
    await openHostedSignUp()
    await fillSignUp(page, registrant({ acceptTerms: false, department: 'Engineering' }))
    await submitSignUp(page)
    await expect.poll(() => fieldError(page, 'termsAccepted').textContent()).toContain(DEFAULT_MESSAGES.termsNotAccepted)
    expect(registrations).toEqual([])
  })

  it('shows every invalid value’s message under its field and sends no request', async () => {
    await openHostedSignUp()
    await fillSignUp(page, registrant({ firstName: 'Ada2', email: 'ada@example.org', department: 'Engineering', acceptTerms: false }))
    await acceptTerms()
    await submitSignUp(page)
    await expect.poll(() => fieldError(page, 'firstName').textContent()).toContain('Use 1 to 50 letters')
    await expect.poll(() => fieldError(page, 'email').textContent()).toContain('Only example.com addresses can register.')
    expect(await fieldError(page, 'lastName').count()).toBe(0)
    expect(registrations).toEqual([])
  })

  it('registers with a department picked by keyboard, then completeLogin says who signed in; the kit’s style carries the page nonce', async () => {
    await openHostedSignUp()
    const who = registrant({ department: '', acceptTerms: false })
    await fillSignUp(page, who)
    const department = page.getByRole('combobox', { name: 'Department' })
    await department.focus()
    await page.keyboard.type('payr')
    await expect.poll(() => page.getByRole('option', { name: 'Payroll' }).isVisible()).toBe(true)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    expect(await department.inputValue()).toBe('Payroll')
    await acceptTerms()

    const [widgetNonce, styleNonce] = await page.evaluate((script) => [
      document.querySelector<HTMLScriptElement>(`script[src$="${script}"]`)?.nonce,
      document.querySelector<HTMLStyleElement>('style[data-rk-styles]')?.nonce,
    ], WIDGET_BUNDLES[generation].script)
    expect(widgetNonce).toMatch(/^[0-9a-f]{32}$/)
    expect(styleNonce).toBe(widgetNonce)

    await submitSignUp(page)
    await enrollAuthenticators(page, servers.standard.url, who.email)
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toBe(`Signed in as ${who.email}`)
    expect(registrations).toEqual(['POST'])
  })

  it('still shows the hook’s message under the field for a check only the server can make', async () => {
    await openHostedSignUp(servers.emptyAllowList)
    await fillSignUp(page, registrant({ email: 'ada@gmail.com', department: 'Legal', acceptTerms: false }))
    await acceptTerms()
    await submitSignUp(page)
    await expect
      .poll(() => fieldError(page, 'email').textContent(), { timeout: 15_000 })
      .toContain('Free email providers such as gmail.com cannot be used.')
    expect(registrations).toEqual(['POST'])
  })
})
