import type { Page } from 'playwright'
import { describe, expect, it } from 'vitest'
import { enrollAuthenticators, fieldError, fillSignUp, focusFirstField, openSignUp, registrant, submitSignUp, waitForForm } from './flows.ts'
import { axeViolations, GENERATIONS, openSignUpForm, screenshotPath, useBrowserSuite, type PageOptions } from './harness.ts'

describe.each(GENERATIONS)('the embedded page with the kit, on the real %s widget against the offline emulator', (generation) => {
  const { servers, open } = useBrowserSuite({
    standard: { generation },
    // Same rules, but an empty allow-list: free-mail is then a check only the server can make (the lists
    // stay on the server), so the hook's own answer reaches the kit's form. One department name holds markup.
    emptyAllowList: {
      generation,
      policy: {
        email: { allowedDomains: [] },
        department: { directory: ['Finance', 'Legal', '<img src=x onerror=alert(1)> Research'] },
      },
    },
    // The same page without the kit: what the widget itself tells users and assistive tech.
    bare: { generation, kit: false },
  })
  let page: Page
  let registrations: string[]
  let profiles: Array<Record<string, unknown>>

  async function openForm(on = servers.standard, options: PageOptions = {}) {
    ;({ page } = await open(on.url, options))
    ;({ registrations, profiles } = await openSignUpForm(page))
  }

  /** Presses Tab until the focused element matches, as a keyboard user moves through the form. */
  async function tabTo(matches: (element: Element) => boolean) {
    for (let presses = 0; presses < 12; presses++) {
      await page.keyboard.press('Tab')
      if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return
    }
    throw new Error('Tab never reached the element')
  }

  it('shows Terms of Service and Privacy Policy links inside the consent checkbox label', async () => {
    await openForm()
    expect(await page.getByRole('checkbox', { name: /^I agree to the Terms of Service.* and Privacy Policy/ }).count()).toBe(1)
    for (const [name, href] of [
      ['Terms of Service', '/legal/terms'],
      ['Privacy Policy', '/legal/privacy'],
    ] as const) {
      const link = page.locator('label').getByRole('link', { name: new RegExp(`^${name}`) })
      expect(await link.getAttribute('href')).toBe(new URL(href, servers.standard.url).href)
      expect(await link.getAttribute('target')).toBe('_blank')
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer')
    }
  })

  it('keeps an unchecked consent box from being submitted, with the message under it and no request', async () => {
    await openForm()
    await fillSignUp(page, registrant({ acceptTerms: false }))
    await submitSignUp(page)
    await expect
      .poll(() => fieldError(page, 'termsAccepted').textContent())
      .toContain('To create an account, agree to the Terms of Service and Privacy Policy.')
    expect(registrations).toEqual([])
  })

  it('shows every policy error under its field at once, before any request', async () => {
    await openForm()
    await fillSignUp(page, registrant({ firstName: 'Ada2', email: 'ada@evil-example.com', department: 'Enginering' }))
    await submitSignUp(page)
    await expect.poll(() => fieldError(page, 'firstName').textContent()).toContain('Use 1 to 50 letters')
    expect(await fieldError(page, 'email').textContent()).toContain('Only example.com addresses can register.')
    expect(await fieldError(page, 'department').textContent()).toContain('Did you mean Engineering?')
    expect(registrations).toEqual([])
    await page.screenshot({ path: screenshotPath('kit-errors', generation) })
  })

  /** Whether assistive tech is told each field the user types in is required. */
  const announcedRequired = (on: Page) =>
    Promise.all(
      ['First name', 'Last name', 'Email'].map((name) =>
        on
          .getByRole('textbox', { name, exact: true })
          .evaluate((input: HTMLInputElement) => input.required || input.getAttribute('aria-required') === 'true'),
      ),
    )

  it('shows a blank field and a refused email together, after one submit, with no request', async () => {
    const bare = await open(servers.bare.url)
    await openSignUp(bare.page)
    const bareRequired = await announcedRequired(bare.page)
    await bare.context.close()
    await openForm()
    // The kit checks required fields itself, yet none is labelled "Optional", and assistive tech hears
    // "required" where it does without the kit: on the first render and on the one after the rejection.
    const expectShownRequired = async () => {
      expect(await page.locator('#okta-sign-in form').getByLabel(/optional/i).count()).toBe(0)
      expect(await announcedRequired(page)).toEqual(bareRequired)
    }
    await expectShownRequired()
    await fillSignUp(page, registrant({ firstName: '', email: 'ada@example.org', department: 'Legal' }))
    await submitSignUp(page)
    await expect.poll(() => fieldError(page, 'email').textContent()).toContain('Only example.com addresses can register.')
    expect(await fieldError(page, 'firstName').count()).toBe(1)
    await expectShownRequired()
    // The next render's schema is the one the kit relaxed: the first name must still count as required.
    await page.getByLabel('Email').fill('ada@example.com')
    await submitSignUp(page)
    await expect.poll(() => fieldError(page, 'email').count()).toBe(0)
    expect(await fieldError(page, 'firstName').count()).toBe(1)
    expect(registrations).toEqual([])
  })

  it('fits a 320 px wide screen: nothing clipped, no sideways scrolling', async () => {
    await openForm(servers.standard, { viewport: { width: 320, height: 900 } })
    await fillSignUp(page, registrant({ acceptTerms: false, email: 'ada@example.org' }))
    await submitSignUp(page)
    await expect.poll(() => fieldError(page, 'email').count()).toBe(1)
    const overflow = await page.evaluate(() => {
      const wide = [...document.querySelectorAll('#okta-sign-in *')].filter((element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && (box.right > document.documentElement.clientWidth + 0.5 || box.left < -0.5)
      })
      return { scrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth, wide: wide.map((element) => element.outerHTML.slice(0, 80)) }
    })
    expect(overflow).toEqual({ scrolls: false, wide: [] })
    await page.screenshot({ path: screenshotPath('form-320px', generation), fullPage: true })
  })

  it('registers with the keyboard alone, picking the department from the type-ahead list', async () => {
    await openForm()
    const who = registrant()
    await focusFirstField(page)
    await page.keyboard.type(who.firstName)
    await page.keyboard.press('Tab')
    await page.keyboard.type(who.lastName)
    await page.keyboard.press('Tab')
    await page.keyboard.type(who.email)
    await page.keyboard.press('Tab')
    const department = page.getByRole('combobox', { name: 'Department' })
    expect(await department.evaluate((element) => element === document.activeElement)).toBe(true)
    await page.keyboard.type('hum')
    await expect.poll(() => page.getByRole('option', { name: 'Human Resources' }).isVisible()).toBe(true)
    expect(await page.getByRole('status').filter({ hasText: /department/ }).textContent()).toMatch(/1 department/)
    await page.screenshot({ path: screenshotPath('form', generation) })
    await page.keyboard.press('ArrowDown')
    expect(await department.getAttribute('aria-activedescendant')).toBeTruthy()
    await page.keyboard.press('Enter')
    expect(await department.inputValue()).toBe('Human Resources')
    expect(await department.getAttribute('aria-expanded')).toBe('false')
    expect(registrations).toEqual([])

    await tabTo((element) => element instanceof HTMLInputElement && element.type === 'checkbox')
    await page.keyboard.press('Space')
    await tabTo((element) => (element instanceof HTMLInputElement || element instanceof HTMLButtonElement) && element.type === 'submit')
    await page.keyboard.press('Enter')

    await enrollAuthenticators(page, servers.standard.url, who.email)
    const signedIn = page.getByRole('region', { name: 'You are signed in' })
    await expect.poll(() => signedIn.isVisible(), { timeout: 15_000 }).toBe(true)
    expect((await signedIn.locator('dd').allTextContents()).slice(0, 3)).toEqual(['Ada Lovelace', who.email, 'Human Resources'])
    expect(registrations).toEqual(['POST'])
  })

  it('still shows the hook’s message under the field for a check only the server can make', async () => {
    await openForm(servers.emptyAllowList)
    await fillSignUp(page, registrant({ email: 'ada@gmail.com', department: 'Legal' }))
    await submitSignUp(page)
    await expect
      .poll(() => fieldError(page, 'email').textContent())
      .toContain('Free email providers such as gmail.com cannot be used.')
    expect(registrations).toEqual(['POST'])
  })

  /** Types into the picker and chooses the highlighted option with the keyboard. */
  async function pick(typed: string, name: string) {
    const department = page.getByRole('combobox', { name: 'Department' })
    await department.fill('')
    await department.pressSequentially(typed)
    await expect.poll(() => page.getByRole('option', { name }).isVisible()).toBe(true)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    expect(await department.inputValue()).toBe(name)
  }

  it('keeps the picked department through the kit’s rejection and the hook’s denial, and sends the last one picked', async () => {
    await openForm(servers.emptyAllowList)
    await fillSignUp(page, registrant({ email: 'ada@gmail.com', department: '', acceptTerms: false }))
    await pick('leg', 'Legal')
    // Enter picked; it did not submit the form (no check ran, no error shown).
    expect(await fieldError(page, 'termsAccepted').count()).toBe(0)
    await submitSignUp(page)
    await expect.poll(() => fieldError(page, 'termsAccepted').count()).toBe(1)
    expect(await page.getByRole('combobox', { name: 'Department' }).inputValue()).toBe('Legal')

    await page.getByRole('checkbox', { name: /^I agree to the Terms of Service/ }).check({ force: true })
    // Gen2 drops a submit that comes within about 100 ms of the last one; a person is never that fast.
    await page.waitForTimeout(300)
    await submitSignUp(page)
    await expect.poll(() => fieldError(page, 'email').textContent()).toContain('Free email providers')
    expect(await page.getByRole('combobox', { name: 'Department' }).inputValue()).toBe('Legal')

    await pick('fin', 'Finance')
    await page.getByLabel('Email').fill('ada@example.org')
    await page.waitForTimeout(300)
    await submitSignUp(page)
    await expect.poll(() => page.getByRole('heading', { name: 'Set up security methods' }).isVisible(), { timeout: 15_000 }).toBe(true)
    expect(profiles.map((profile) => profile.department)).toEqual(['Legal', 'Finance'])
  })

  it('keeps the picker’s “no matches” description when the widget shows the field’s error, and attaches to a form mounted again', async () => {
    await openForm()
    await fillSignUp(page, registrant({ department: 'zz' }))
    const department = page.getByRole('combobox', { name: 'Department' })
    await department.focus()
    await page.keyboard.press('End')
    await page.keyboard.type('z')
    // The note under the field, not the live region that announces the same words.
    const note = page.getByText('No matching departments').and(page.locator(':not([role="status"])'))
    await expect.poll(() => note.isVisible()).toBe(true)
    const description = () =>
      department.evaluate((input) =>
        (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' | '),
      )
    // Enter with no option to pick submits the form, and the focus stays in the field with its note.
    await page.keyboard.press('Enter')
    await expect.poll(() => fieldError(page, 'department').count()).toBe(1)
    await expect.poll(description).toMatch(/Choose a department from the list.*\| No matching departments|No matching departments \| .*Choose a department from the list/)

    // Back to sign in ("Already have an account?" on Gen2, "Sign In" on Gen3), then Sign up again: the
    // widget builds a new form, and the picker comes with it.
    await page.getByRole('link', { name: /^(Sign in|Already have an account\?)$/i }).click()
    await openSignUp(page)
    await pick('hum', 'Human Resources')
    // One picker: the old form's went with it.
    expect(await page.locator('[role="listbox"]').count()).toBe(1)
  })

  it('renders a department name holding markup as inert text', async () => {
    await openForm(servers.emptyAllowList)
    await waitForForm(page, 'userProfile.firstName')
    await page.getByRole('combobox', { name: 'Department' }).fill('research')
    const option = page.getByRole('option', { name: /Research/ })
    await expect.poll(() => option.textContent()).toBe('<img src=x onerror=alert(1)> Research')
    expect(await page.getByRole('listbox').locator('img').count()).toBe(0)
  })

  it('has no axe-core violations on the sign-up form, with the list open and with errors shown', async () => {
    await openForm()
    const violations = () => axeViolations(page)
    await fillSignUp(page, registrant({ acceptTerms: false }))
    await page.getByRole('combobox', { name: 'Department' }).fill('eng')
    await expect.poll(() => page.getByRole('listbox').isVisible()).toBe(true)
    expect(await violations()).toEqual([])
    await page.keyboard.press('Escape')
    await submitSignUp(page)
    await expect.poll(() => fieldError(page, 'termsAccepted').count()).toBe(1)
    expect(await violations()).toEqual([])
  })
})
