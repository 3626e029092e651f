import { expect } from 'vitest'
import type { Page } from 'playwright'

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

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name') ?? '')

/** The widget auto-focuses the first input shortly after each render; typing earlier can land elsewhere. */
export async function waitForFocus(page: Page, name: string) {
  await expect.poll(() => focusedName(page), { timeout: 15_000 }).toBe(name)
}

export async function openSignUp(page: Page) {
  await page.getByRole('link', { name: 'Sign up' }).click()
  await waitForFocus(page, 'userProfile.firstName')
}

export async function fillSignUp(page: Page, who: Registrant) {
  await page.getByLabel('First name').fill(who.firstName)
  await page.getByLabel('Last name').fill(who.lastName)
  await page.getByLabel('Email').fill(who.email)
  // The input, not the picker's listbox, which the kit labels with the same label.
  await page.getByLabel('Department').and(page.locator('input')).fill(who.department)
  if (who.acceptTerms) await page.getByRole('checkbox', { name: /^I agree to the Terms of Service/ }).check({ force: true })
}

export const submitSignUp = (page: Page) => page.getByRole('button', { name: 'Sign Up' }).click()

/** The error shown under one field of the sign-up form. */
export const fieldError = (page: Page, attribute: string) =>
  page.locator(`[data-se="o-form-fieldset-userProfile.${attribute}"]`).getByRole('alert')

/** Enrolls the email with the code from the emulator's outbox, then the password. */
export async function enrollAuthenticators(page: Page, baseUrl: string, email: string) {
  await page.locator('[data-se="okta_email"]').getByRole('link', { name: 'Set up' }).click()
  await enterEmailCode(page, baseUrl, email)
  await page.locator('[data-se="okta_password"]').getByRole('link', { name: 'Set up' }).click()
  await waitForFocus(page, 'credentials.passcode')
  await page.getByLabel('Enter password', { exact: true }).fill('Correct-Horse-9')
  await page.getByLabel('Re-enter password').fill('Correct-Horse-9')
  await page.getByRole('button', { name: 'Next' }).click()
}

export async function enterEmailCode(page: Page, baseUrl: string, email: string) {
  await waitForFocus(page, 'credentials.passcode')
  const outbox = await fetch(`${baseUrl}/emulator/outbox?to=${encodeURIComponent(email)}`)
  const { messages } = (await outbox.json()) as { messages: Array<{ code: string }> }
  await page.getByLabel('Enter Code').fill(messages[0]!.code)
  await page.getByRole('button', { name: 'Verify' }).click()
}

/** The value of each sign-up field, to check nothing typed was lost. */
export const signUpValues = (page: Page) =>
  Promise.all(['First name', 'Last name', 'Email', 'Department'].map((label) => page.getByLabel(label).and(page.locator('input')).inputValue()))
