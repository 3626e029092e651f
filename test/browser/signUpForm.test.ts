import { screen, within } from '@testing-library/dom'
import axe from 'axe-core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { enrollProfile, profileFields, registrationAccepted } from './idx.ts'
import { fieldError, openSignUp, type SignUpPage } from './signUp.ts'

let page: SignUpPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

const field = (name: RegExp | string) => screen.getByRole('textbox', { name }) as HTMLInputElement
const department = () => screen.getByRole('combobox', { name: 'Department' }) as HTMLInputElement

async function fill(values: { firstName?: string; lastName?: string; email?: string; department?: string }) {
  if (values.firstName !== undefined) await userEvent.fill(field(/First name/), values.firstName)
  if (values.lastName !== undefined) await userEvent.fill(field(/Last name/), values.lastName)
  if (values.email !== undefined) await userEvent.fill(field(/Email/), values.email)
  if (values.department !== undefined) await userEvent.fill(department(), values.department)
}

async function tickConsent() {
  screen.getByRole('checkbox').focus()
  await userEvent.keyboard(' ')
}

// The progressive-profile form labels its button differently; both are the form's one submit button.
async function violations(): Promise<string[]> {
  const results = await axe.run(document.body)
  return results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

const submit = () => userEvent.click(document.querySelector<HTMLInputElement>('.o-form-button-bar input[type="submit"]')!)

describe('the sign-up form with the kit, in the real widget', () => {
  it('shows the Terms of Service and Privacy Policy links inline in the consent checkbox label', async () => {
    page = await openSignUp()
    const checkbox = screen.getByRole('checkbox', { name: /^I agree to the Terms of Service .*and Privacy Policy/ })
    const label = checkbox.parentElement!.querySelector('label')!
    const terms = within(label).getByRole('link', { name: /Terms of Service/ })
    expect(terms.getAttribute('href')).toBe(`${location.origin}/legal/terms`)
    expect(terms.getAttribute('target')).toBe('_blank')
    expect(terms.getAttribute('rel')).toBe('noopener noreferrer')
    expect(within(label).getByRole('link', { name: /Privacy Policy/ }).getAttribute('href')).toBe(`${location.origin}/legal/privacy`)
  })

  it('shows the "By signing up you agree" line above the button when the form has no consent checkbox', async () => {
    page = await openSignUp({ consent: false })
    const bar = document.querySelector('.o-form-button-bar')!
    expect(bar.previousElementSibling?.textContent).toMatch(/^By signing up you agree to the Terms of Service .*and Privacy Policy/)
  })

  it('enforces consent under the checkbox without sending a request, and reports it for analytics', async () => {
    const onError = vi.fn()
    page = await openSignUp({ kit: { onError } })
    await fill({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', department: 'Finance' })
    await submit()
    await vi.waitFor(() => expect(fieldError('termsAccepted')).toBe('To create an account, agree to the Terms of Service and Privacy Policy.'))
    expect(page.registrations()).toHaveLength(0)
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({
        formName: 'enroll-profile',
        errorCauses: [{ property: 'userProfile.termsAccepted', errorSummary: ['To create an account, agree to the Terms of Service and Privacy Policy.'] }],
      }),
    )
  })

  it('shows every policy error under its field at once without sending a request', async () => {
    page = await openSignUp()
    await fill({ firstName: 'Ada1', lastName: 'Lovelace', email: 'ada@gmail.com', department: 'Finanse' })
    await tickConsent()
    await submit()
    await vi.waitFor(() => expect(fieldError('firstName')).toBe('Use 1 to 50 letters, spaces, apostrophes, hyphens or periods.'))
    expect(fieldError('email')).toBe('Use your work email address. Only example.com addresses can register.')
    expect(fieldError('department')).toBe('Choose a department from the list. Did you mean Finance?')
    expect(fieldError('lastName')).toBeUndefined()
    expect(page.registrations()).toHaveLength(0)
  })

  it('registers with the keyboard alone, picking the department from the list, and sends trimmed canonical values', async () => {
    page = await openSignUp()
    await vi.waitFor(() => expect(document.activeElement).toBe(field(/First name/)))
    await userEvent.keyboard(' Ada ')
    await userEvent.tab()
    await userEvent.keyboard('Lovelace')
    await userEvent.tab()
    await userEvent.keyboard('ada@Example.COM')
    await userEvent.tab()
    await userEvent.keyboard('fin')
    await screen.findByRole('option', { name: 'Finance' })
    await userEvent.keyboard('{ArrowDown}{Enter}')
    expect(department().value).toBe('Finance')
    expect(page.registrations()).toHaveLength(0)
    await userEvent.tab()
    await userEvent.keyboard(' ')
    await userEvent.tab() // Terms of Service link
    await userEvent.tab() // Privacy Policy link
    await userEvent.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign Up' }))
    await userEvent.keyboard('{Enter}')
    await vi.waitFor(() => expect(page!.registrations()).toHaveLength(1))
    expect(page.registrations()[0]!.body.userProfile).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      department: 'Finance',
      termsAccepted: true,
    })
  })

  it('moves through the department list with Up, Down, Home, End and Alt+Up/Down in real key events', async () => {
    page = await openSignUp()
    const combobox = department()
    await userEvent.click(combobox)
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}')
    const options = await screen.findAllByRole('option')
    expect(options).toHaveLength(8)
    expect(combobox.hasAttribute('aria-activedescendant')).toBe(false)
    await userEvent.keyboard('{ArrowUp}')
    expect(combobox.getAttribute('aria-activedescendant')).toBe(options.at(-1)!.id)
    await userEvent.keyboard('{Home}')
    expect(combobox.getAttribute('aria-activedescendant')).toBe(options[0]!.id)
    await userEvent.keyboard('{ArrowDown}{End}')
    expect(combobox.getAttribute('aria-activedescendant')).toBe(options.at(-1)!.id)
    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}')
    expect(combobox.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(combobox)
    await userEvent.keyboard('sec')
    await userEvent.click(await screen.findByRole('option', { name: 'Security Operations' }))
    expect(combobox.value).toBe('Security Operations')
    expect(document.activeElement).toBe(combobox)
  })

  it('shows the department list over the form under the field, without moving the rest of the form', async () => {
    page = await openSignUp()
    const consentRow = () => screen.getByRole('checkbox').closest('.o-form-fieldset')!.getBoundingClientRect().top
    const before = consentRow()
    await userEvent.click(department())
    await userEvent.keyboard('eng')
    const listbox = await screen.findByRole('listbox')
    const field = department().closest('.o-form-control')!.getBoundingClientRect()
    const list = listbox.getBoundingClientRect()
    expect(list.top).toBeGreaterThanOrEqual(field.bottom)
    // The list floats in a bordered popup (with the "N of M shown" line when it holds only the first matches).
    expect(getComputedStyle(listbox.parentElement!).borderTopWidth).toBe('1px')
    expect(consentRow()).toBe(before)
    const last = screen.getAllByRole('option').at(-1)!.getBoundingClientRect()
    expect(document.elementFromPoint(last.left + 5, last.top + last.height / 2)?.closest('[role="option"]')).not.toBeNull()
  })

  it('closes the department list on Escape without cancelling the form', async () => {
    page = await openSignUp()
    await userEvent.click(department())
    await userEvent.keyboard('leg')
    await screen.findByRole('listbox')
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('listbox')).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(page.sent.map((request) => request.path)).not.toContain('/idp/idx/cancel')
    expect(document.querySelector('.siw-main-view.enroll-profile')).not.toBeNull()
  })

  it("still shows the server's field errors under their fields and reports them for analytics", async () => {
    const onError = vi.fn()
    const fields = profileFields()
    page = await openSignUp({
      kit: { onError },
      respond: (path) =>
        path === '/idp/idx/enroll/new'
          ? { status: 400, body: enrollProfile(fields, { email: 'A user with this Email already exists', department: 'Pick another department.' }) }
          : { status: 200, body: enrollProfile(fields) },
    })
    await fill({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', department: 'Legal' })
    await tickConsent()
    await submit()
    await vi.waitFor(() => expect(fieldError('email')).toBe('A user with this Email already exists'))
    expect(fieldError('department')).toBe('Pick another department.')
    expect(page.registrations()).toHaveLength(1)
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({
        formName: 'enroll-profile',
        errorCauses: expect.arrayContaining([{ property: 'userProfile.email', errorSummary: ['A user with this Email already exists'] }]),
      }),
    )
  })

  it("keeps the picker's description when the widget overwrites aria-describedby, and picking clears the error", async () => {
    page = await openSignUp()
    await fill({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })
    await tickConsent()
    await userEvent.click(department())
    await userEvent.keyboard('zzz')
    const note = await screen.findByText('No matching departments', { selector: '.rk-no-matches' })
    await userEvent.keyboard('{Enter}')
    await vi.waitFor(() => expect(fieldError('department')).toBe('Choose a department from the list.'))
    const errorId = document.querySelector('[data-se="o-form-fieldset-userProfile.department"] .o-form-input-error')!.id
    await vi.waitFor(() => expect(department().getAttribute('aria-describedby')?.split(' ')).toEqual([errorId, note.id]))
    expect(page.registrations()).toHaveLength(0)
    await userEvent.keyboard('{Control>}a{/Control}leg')
    await screen.findByRole('option', { name: 'Legal' })
    await userEvent.keyboard('{ArrowDown}{Enter}')
    expect(department().value).toBe('Legal')
    expect(fieldError('department')).toBeUndefined()
  })

  it('has no axe violations with the kit applied and the department list open', async () => {
    page = await openSignUp()
    await userEvent.click(department())
    await userEvent.keyboard('eng{ArrowDown}')
    await screen.findByRole('listbox')
    expect(await violations()).toEqual([])
  })

  it('has no axe violations while the kit shows its errors under the fields', async () => {
    page = await openSignUp({ consent: false })
    await fill({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@gmail.com', department: 'zzz' })
    await submit()
    await vi.waitFor(() => expect(fieldError('department')).toBe('Choose a department from the list.'))
    expect(await violations()).toEqual([])
  })
})

describe('the progressive-profile form (same form name, /idp/idx/enroll/update)', () => {
  const update = (path: string) => ({
    status: 200,
    body: path === '/idp/idx/enroll/update' ? registrationAccepted() : enrollProfile(profileFields(), {}, 'update'),
  })

  it('gets the department picker but neither the consent links nor the registration checks', async () => {
    page = await openSignUp({ respond: update })
    expect(screen.getByRole('combobox', { name: 'Department' })).toBeTruthy()
    expect(screen.queryByRole('link', { name: /Terms of Service/ })).toBeNull()
    await fill({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@gmail.com', department: 'Finance' })
    await submit()
    await vi.waitFor(() => expect(page!.sent.map((request) => request.path)).toContain('/idp/idx/enroll/update'))
  })

  it('is checked too when the options ask for progressive profiling', async () => {
    page = await openSignUp({ respond: update, kit: { progressiveProfile: true } })
    await fill({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@gmail.com', department: 'Finance' })
    await submit()
    await vi.waitFor(() => expect(fieldError('email')).toBe('Use your work email address. Only example.com addresses can register.'))
    expect(page.sent.map((request) => request.path)).not.toContain('/idp/idx/enroll/update')
  })
})
