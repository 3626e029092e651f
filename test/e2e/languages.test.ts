import type { Page } from 'playwright'
import { describe, expect, it } from 'vitest'
import { SHIPPED_MESSAGES } from '../../policy/messages.ts'
import { enrollAuthenticatorsInAnyLanguage, fieldError, waitForForm } from './flows.ts'
import { axeViolations, GENERATIONS, screenshotPath, useBrowserSuite, type RunningServer } from './harness.ts'

// Visitors whose browser asks for French or German: the widget picks the language itself, and the kit,
// the policy's messages and the hook follow it. Labels are the widget's own translations.

describe.each(GENERATIONS)('the sign-up form in the visitor’s language, on the %s widget', (generation) => {
  const { servers, open } = useBrowserSuite({
    standard: { generation },
    // An empty allow-list: free-mail is refused by the server only, so the hook's own answer is seen.
    emptyAllowList: { generation, policy: { email: { allowedDomains: [] } } },
  })
  let page: Page
  let registrations: Array<Record<string, unknown>>

  /** The sign-up form for a browser in `locale`, recording registrations and the page's error events. */
  async function openForm(on: RunningServer, locale: string, signUp: RegExp) {
    ;({ page } = await open(on.url, { locale }))
    registrations = []
    page.on('request', (request) => {
      if (request.url().endsWith('/idp/idx/enroll/new')) registrations.push(request.postDataJSON().userProfile)
    })
    await page.evaluate(() => {
      const seen: unknown[] = ((window as unknown as { kitEvents: unknown[] }).kitEvents = [])
      for (const type of ['registration-error', 'registration-denied']) {
        document.addEventListener(type, (event) => seen.push({ type, ...(event as CustomEvent).detail }))
      }
    })
    await page.getByRole('link', { name: signUp }).click()
    await waitForForm(page, 'userProfile.firstName')
  }
  const events = () => page.evaluate(() => (window as unknown as { kitEvents: Array<Record<string, any>> }).kitEvents)

  async function fill(values: { first: string; last: string; email: string; typed: string; department: string; consent: RegExp }) {
    // By name: the labels are the widget's translations, which these tests do not restate.
    await page.locator('input[name="userProfile.firstName"]').fill(values.first)
    await page.locator('input[name="userProfile.lastName"]').fill(values.last)
    await page.locator('input[name="userProfile.email"]').fill(values.email)
    await page.getByRole('combobox').pressSequentially(values.typed)
    await expect.poll(() => page.getByRole('option', { name: values.department }).isVisible()).toBe(true)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.getByRole('checkbox', { name: values.consent }).check({ force: true })
  }

  it('shows a French visitor the widget’s, the kit’s and the policy’s texts in French, with no request for the kit’s checks', async () => {
    await openForm(servers.standard, 'fr-FR', /^S'inscrire$/)
    expect(await page.getByLabel('Prénom').count()).toBe(1)
    const consent = page.getByRole('checkbox', { name: /^J’accepte les Conditions d’utilisation \(s’ouvre dans un nouvel onglet\) et la Politique de confidentialité/ })
    expect(await consent.count()).toBe(1)
    await page.getByRole('combobox', { name: 'Département' }).pressSequentially('e')
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'départements' }).textContent()).toMatch(/^8 départements affichés sur \d+, continuez à taper$/)
    await page.keyboard.press('Backspace')
    await fill({ first: 'Ada', last: 'Lovelace', email: 'ada@example.org', typed: 'fin', department: 'Finance', consent: /^J’accepte/ })
    await page.getByRole('button', { name: "S'inscrire" }).click()
    await expect.poll(() => fieldError(page, 'email').textContent()).toContain('Seules les adresses example.com peuvent s’inscrire.')
    await expect.poll(() => page.getByText(SHIPPED_MESSAGES.fr!.summary).isVisible()).toBe(true)
    expect(registrations).toEqual([])
    expect(await events()).toEqual([
      expect.objectContaining({ type: 'registration-error', source: 'kit', problems: [expect.objectContaining({ attribute: 'email', reason: 'INVALID_EMAIL_DOMAIN' })] }),
    ])
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: screenshotPath('kit-errors-fr', generation) })
  })

  it('sends a German visitor’s language with the sign-up, and the hook answers in German with a reason the page can act on', async () => {
    await openForm(servers.emptyAllowList, 'de-DE', /^Registrieren$/)
    await fill({ first: 'Ada', last: 'Lovelace', email: 'ada@gmail.com', typed: 'leg', department: 'Legal', consent: /^Ich stimme den Nutzungsbedingungen/ })
    await page.getByRole('button', { name: 'Registrieren' }).click()
    await expect.poll(() => fieldError(page, 'email').textContent(), { timeout: 15_000 }).toContain('Kostenlose Anbieter wie gmail.com sind nicht zulässig.')
    // The banner: the policy's summary in German, not the widget's generic sentence.
    await expect.poll(() => page.getByText(SHIPPED_MESSAGES.de!.summary).isVisible()).toBe(true)
    expect(registrations).toEqual([expect.objectContaining({ signupLocale: 'de', department: 'Legal' })])
    expect(await page.locator('input[name="userProfile.signupLocale"]').isVisible()).toBe(false)
    const denied = (await events()).filter((event) => event.type === 'registration-denied')
    expect(denied).toEqual([
      expect.objectContaining({ source: 'server', problems: [expect.objectContaining({ attribute: 'email', reason: 'FREE_EMAIL_PROVIDER' })] }),
    ])
  })

  it('registers a German visitor, and the token records the language the terms were shown in', async () => {
    await openForm(servers.standard, 'de-DE', /^Registrieren$/)
    const email = `ada.${Date.now()}@example.com`
    await fill({ first: 'Ada', last: 'Lovelace', email, typed: 'leg', department: 'Legal', consent: /^Ich stimme den Nutzungsbedingungen/ })
    await page.getByRole('button', { name: 'Registrieren' }).click()
    await enrollAuthenticatorsInAnyLanguage(page, servers.standard.url, email)
    await expect.poll(() => page.locator('#signed-in').isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await page.locator('#signed-in [data-claim="consent"]').textContent()).toMatch(/^Version 2026-01, on .+ GMT, in de$/)
  })
})

