import { screen } from '@testing-library/dom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { attachToHostedPage } from '../../widget/code-editor/main.ts'
import type { WidgetConfig } from '../../widget/kit/index.ts'
import { policy } from '../widget/fixtures.ts'
import { fieldError, openSignUp, type SignUpPage } from './signUp.ts'
import type { OktaSignInConstructor } from './widget.ts'

let page: SignUpPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

/** Okta's hosted template after the snippet: the template's own lines, untouched, create the widget. */
function hostedTemplate(OktaSignIn: OktaSignInConstructor, config: WidgetConfig) {
  const host = window as unknown as { OktaSignIn: OktaSignInConstructor }
  host.OktaSignIn = OktaSignIn
  attachToHostedPage({ policy })
  // var config = OktaUtil.getSignInWidgetConfig(); var oktaSignIn = new OktaSignIn(config);
  const oktaSignIn = new host.OktaSignIn(config)
  host.OktaSignIn = OktaSignIn
  return { signIn: oktaSignIn, destroy: () => {} }
}

describe('the kit on a page built like Okta-hosted template', () => {
  it('upgrades the sign-up form created by the template script and enforces the policy with no request', async () => {
    page = await openSignUp({ attach: hostedTemplate })
    expect(screen.getByRole('checkbox', { name: /Terms of Service/ })).toBeTruthy()
    await userEvent.fill(screen.getByRole('textbox', { name: /First name/ }), 'Ada')
    await userEvent.fill(screen.getByRole('textbox', { name: /Last name/ }), 'Lovelace')
    await userEvent.fill(screen.getByRole('textbox', { name: /Email/ }), 'ada@example.com')
    await userEvent.click(screen.getByRole('combobox', { name: 'Department' }))
    await userEvent.keyboard('pay{ArrowDown}{Enter}')
    expect((screen.getByRole('combobox', { name: 'Department' }) as HTMLInputElement).value).toBe('Payroll')
    await userEvent.click(screen.getByRole('button', { name: 'Sign Up' }))
    await vi.waitFor(() => expect(fieldError('termsAccepted')).toBe(policy.messages.en!.termsNotAccepted))
    expect(page.registrations()).toHaveLength(0)
  })
})
