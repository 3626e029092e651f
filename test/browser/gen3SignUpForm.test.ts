import { screen, within } from '@testing-library/dom'
import { afterEach, describe, expect, it } from 'vitest'
import { openSignUp, type SignUpPage } from './signUp.ts'

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
      kit: { texts: { consentLabel: 'I <b>agree</b> to the {terms} and {privacy}', termsLink: '<img src=x onerror="window.pwned=1">Terms' } },
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
})
