import { expect } from 'vitest'
import type { Page } from 'playwright'

// Each helper finds things as a user does (role, label, text) and so serves both widget generations; the
// few places where Gen2 and Gen3 differ are named here, once.

export interface Registrant {
  firstName: string
  lastName: string
  email: string
  department: string
  acceptTerms: boolean
}

export const registrant = (overrides: Partial<Registrant> = {}): Registrant => ({
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: `ada.${Math.random().toString(36).slice(2, 8)}@example.com`,
  department: 'engineering',
  acceptTerms: true,
  ...overrides,
})

/**
 * Waits until the form with the input `name` is shown and the widget has placed focus: Gen2 moves it to
 * the first field a moment after each render, Gen3 to the form's heading. Typing earlier can land elsewhere.
 */
export async function waitForForm(page: Page, name: string) {
  const settled = () =>
    page.evaluate((name) => {
      const active = document.activeElement
      const shown = document.querySelector(`input[name="${name}"]`) !== null
      return shown && (active?.getAttribute('name') === name || active?.tagName === 'H1')
    }, name)
  await expect.poll(settled, { timeout: 15_000 }).toBe(true)
}

/** Puts the keyboard in the first name field, as a keyboard user gets there (Tab from the heading on Gen3). */
export async function focusFirstField(page: Page) {
  await waitForForm(page, 'userProfile.firstName')
  for (let presses = 0; presses < 3; presses++) {
    if (await page.evaluate(() => document.activeElement?.getAttribute('name') === 'userProfile.firstName')) return
    await page.keyboard.press('Tab')
  }
  throw new Error('the first name field never got the focus')
}

export async function openSignUp(page: Page) {
  await page.getByRole('link', { name: 'Sign up' }).click()
  await waitForForm(page, 'userProfile.firstName')
}

export async function fillSignUp(page: Page, who: Registrant) {
  await page.getByLabel('First name').fill(who.firstName)
  await page.getByLabel('Last name').fill(who.lastName)
  await page.getByLabel('Email').fill(who.email)
  // The input, not the picker's listbox, which the kit labels with the same label.
  await page.getByLabel('Department').and(page.locator('input')).fill(who.department)
  // The box itself: clicking the label's text could land on one of its links.
  if (who.acceptTerms) await page.getByRole('checkbox', { name: /^I agree to the Terms of Service/ }).check({ force: true })
}

export const submitSignUp = (page: Page) => page.getByRole('button', { name: 'Sign Up' }).click()

/** The error shown under one field of the sign-up form (Gen2's field alert, Gen3's `<id>-error`). */
export const fieldError = (page: Page, attribute: string) =>
  page.locator(`[data-se="o-form-fieldset-userProfile.${attribute}"] [role="alert"], [id="userProfile.${attribute}-error"]`)

/** An authenticator's "Set up": a link in Gen2's list, a button named after the authenticator in Gen3's. */
export const setUpAuthenticator = (page: Page, name: 'Email' | 'Password') =>
  page
    .getByRole('button', { name: `Set up ${name}.` })
    .or(page.locator(`[data-se="okta_${name.toLowerCase()}"]`).getByRole('link', { name: 'Set up' }))

/** Enrolls the email with the code from the emulator's outbox, then the password. */
export async function enrollAuthenticators(page: Page, baseUrl: string, email: string) {
  await setUpAuthenticator(page, 'Email').click()
  await enterEmailCode(page, baseUrl, email)
  await setUpAuthenticator(page, 'Password').click()
  await waitForForm(page, 'credentials.passcode')
  await page.getByLabel('Enter password', { exact: true }).fill('Correct-Horse-9')
  await page.getByLabel('Re-enter password').fill('Correct-Horse-9')
  await page.getByRole('button', { name: 'Next' }).click()
}

export async function enterEmailCode(page: Page, baseUrl: string, email: string) {
  await waitForForm(page, 'credentials.passcode')
  const outbox = await fetch(`${baseUrl}/emulator/outbox?to=${encodeURIComponent(email)}`)
  const { messages } = (await outbox.json()) as { messages: Array<{ code: string }> }
  await page.getByLabel('Enter Code').fill(messages[0]!.code)
  await page.getByRole('button', { name: 'Verify' }).click()
}

/** The value of each sign-up field, to check nothing typed was lost. */
export const signUpValues = (page: Page) =>
  Promise.all(['First name', 'Last name', 'Email', 'Department'].map((label) => page.getByLabel(label).and(page.locator('input')).inputValue()))

/** Picks a department from the kit's picker by keyboard, as a user does: the start of its name, ArrowDown, Enter. */
export async function pickDepartment(page: Page, typed: string, name: string) {
  const department = page.getByRole('combobox', { name: 'Department' })
  // What an earlier pick left in the field goes first, as a user selects it and types over it.
  await department.fill('')
  await department.focus()
  await page.keyboard.type(typed)
  // The first search of a page waits for the departments API.
  await expect.poll(() => page.getByRole('option', { name }).isVisible(), { timeout: 5_000 }).toBe(true)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
}

/** The consent box itself: clicking the label's text could land on one of the kit's links. */
export const acceptTerms = (page: Page) => page.getByRole('checkbox', { name: /I agree to the/ }).check({ force: true })

/** A whole registration on a sign-up form with the kit: the department picked from the list, consent, both authenticators. */
export async function registerWithPicker(page: Page, baseUrl: string, who: Registrant, department = { typed: 'payr', name: 'Payroll' }) {
  await fillSignUp(page, { ...who, department: '', acceptTerms: false })
  await pickDepartment(page, department.typed, department.name)
  await acceptTerms(page)
  await submitSignUp(page)
  await enrollAuthenticators(page, baseUrl, who.email)
}

/** A returning user on the sign-in form: the username, Next, then the password challenge. */
export async function signInWithPassword(page: Page, login: string, password: string) {
  await waitForForm(page, 'identifier')
  await page.getByLabel('Username').fill(login)
  await page.getByRole('button', { name: 'Next' }).click()
  await waitForForm(page, 'credentials.passcode')
  await page.getByLabel('Password', { exact: true }).and(page.locator('input')).fill(password)
  await page.getByRole('button', { name: 'Verify' }).click()
}

/**
 * The same enrollment in any language: by Okta's stable names (data-se, input names), since the labels
 * are the widget's translations. Gen2 puts the "Set up" link in the authenticator's box, Gen3 the box in its button.
 */
export async function enrollAuthenticatorsInAnyLanguage(page: Page, baseUrl: string, email: string) {
  const setUp = (key: string) => page.locator(`[data-se="${key}"] a[data-se="button"], div[data-se="${key}"]:not(.authenticator-button)`)
  const submit = () => page.locator('form [type="submit"]').click()
  await setUp('okta_email').click()
  await waitForForm(page, 'credentials.passcode')
  const outbox = await fetch(`${baseUrl}/emulator/outbox?to=${encodeURIComponent(email)}`)
  const { messages } = (await outbox.json()) as { messages: Array<{ code: string }> }
  await page.locator('input[name="credentials.passcode"]').fill(messages[0]!.code)
  await submit()
  await setUp('okta_password').click()
  await expect.poll(() => page.locator('input[name="confirmPassword"]').count(), { timeout: 15_000 }).toBe(1)
  await waitForForm(page, 'credentials.passcode')
  await page.locator('input[name="credentials.passcode"]').fill('Correct-Horse-9')
  await page.locator('input[name="confirmPassword"]').fill('Correct-Horse-9')
  await submit()
}

