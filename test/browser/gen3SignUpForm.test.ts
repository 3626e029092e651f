import { screen, within } from '@testing-library/dom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { policy } from '../widget/fixtures.ts'
import { fieldError, openSignUp, type SignUpPage } from './signUp.ts'

// The third-generation widget (okta-sign-in.next.js) in real Chromium, fed the same IDX answers as Gen2.

let page: SignUpPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

describe('the sign-up form with the kit, in the real third-generation widget', () => {
  it('puts both links in the consent label and keeps markup in the kit’s texts inert', async () => {
    page = await openSignUp({
      generation: 'gen3',
      kit: { texts: { en: { consentLabel: 'I <b>agree</b> to the {terms} and {privacy}', termsLink: '<img src=x onerror="window.pwned=1">Terms' } } },
    })
    const checkbox = await screen.findByRole('checkbox', { name: /^I <b>agree<\/b> to the <img src=x onerror="window.pwned=1">Terms .* and Privacy Policy/ })
    const label = checkbox.closest('label')!
    const links = within(label).getAllByRole('link')
    expect(links.map((link) => [link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')])).toEqual([
      [`${location.origin}/legal/terms`, '_blank', 'noopener noreferrer'],
      [`${location.origin}/legal/privacy`, '_blank', 'noopener noreferrer'],
    ])
    expect(label.querySelector('b, img')).toBeNull()
    expect((window as { pwned?: number }).pwned).toBeUndefined()
  })

  it('shows every policy error under its field at once with no request, and reports them to onError', async () => {
    const onError = vi.fn()
    page = await openSignUp({ generation: 'gen3', kit: { onError } })
    await userEvent.fill(screen.getByRole('textbox', { name: /First name/ }), 'Ada1')
    await userEvent.fill(screen.getByRole('textbox', { name: /Last name/ }), 'Lovelace')
    await userEvent.fill(screen.getByRole('textbox', { name: /Email/ }), 'ada@gmail.com')
    await userEvent.fill(screen.getByRole('combobox', { name: 'Department' }), 'Finanse')
    await userEvent.click(screen.getByRole('button', { name: 'Sign Up' }))
    await vi.waitFor(() => expect(fieldError('firstName')).toBe('Use 1 to 50 letters, spaces, apostrophes, hyphens or periods.'))
    expect(fieldError('email')).toBe('Use your work email address. Only example.com addresses can register.')
    expect(fieldError('department')).toBe('Choose a department from the list. Did you mean Finance?')
    expect(fieldError('termsAccepted')).toBe(policy.messages.en!.termsNotAccepted)
    expect(page.registrations()).toHaveLength(0)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ formName: 'enroll-profile', errorSummary: policy.messages.en!.summary }))
    expect(onError.mock.calls[0]![0].errorCauses).toHaveLength(4)
  })

  it('sends the picked, canonical values and reports the accepted registration to onPostSubmit', async () => {
    const onPostSubmit = vi.fn()
    page = await openSignUp({ generation: 'gen3', kit: { onPostSubmit } })
    await userEvent.fill(screen.getByRole('textbox', { name: /First name/ }), ' Ada ')
    await userEvent.fill(screen.getByRole('textbox', { name: /Last name/ }), 'Lovelace')
    await userEvent.fill(screen.getByRole('textbox', { name: /Email/ }), 'ada@Example.COM')
    await userEvent.click(screen.getByRole('combobox', { name: 'Department' }))
    await userEvent.keyboard('fin')
    await screen.findByRole('option', { name: 'Finance' })
    await userEvent.keyboard('{ArrowDown}{Enter}')
    expect(page.registrations()).toHaveLength(0)
    await userEvent.click(screen.getByRole('checkbox'))
    await userEvent.click(screen.getByRole('button', { name: 'Sign Up' }))
    await vi.waitFor(() => expect(page!.registrations()).toHaveLength(1))
    expect(page.registrations()[0]!.body.userProfile).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      department: 'Finance',
      termsAccepted: true,
    })
    await vi.waitFor(() => expect(onPostSubmit).toHaveBeenCalledWith('ada@example.com'))
  })
})
