import { screen, within } from '@testing-library/dom'
import { describe, expect, it } from 'vitest'
import { applyConsent } from '../../widget/kit/consent/consent.ts'
import { safeLinkUrl } from '../../widget/kit/consent/links.ts'
import { resolveTexts } from '../../widget/kit/texts.ts'

const ENGLISH = resolveTexts('en')

const links = { termsUrl: 'https://example.com/terms', privacyUrl: 'https://example.com/privacy' }

function checkboxForm() {
  document.body.innerHTML = `<form>
    <input type="checkbox" id="terms" name="userProfile.termsAccepted">
    <label for="terms" data-se-for-name="userProfile.termsAccepted">I agree</label>
    <div class="o-form-button-bar"><input type="submit" value="Sign Up"></div></form>`
  return document.querySelector<HTMLElement>('label')!
}

describe('consent', () => {
  it('puts the Terms of Service and Privacy Policy links inline in the checkbox label', () => {
    const label = checkboxForm()
    applyConsent({ label, submitBar: null }, links, ENGLISH)
    const checkbox = screen.getByRole('checkbox', { name: /I agree to the Terms of Service.* and Privacy Policy/ })
    expect(checkbox).toBeTruthy()
    // dom-accessibility-api trims each element's text, so the hint's leading space is lost here (not in browsers).
    const terms = within(label).getByRole('link', { name: /^Terms of Service ?\(opens in a new tab\)$/ })
    const privacy = within(label).getByRole('link', { name: /^Privacy Policy ?\(opens in a new tab\)$/ })
    // No space at the end of the visible link text, where it would be underlined.
    expect(terms.firstChild?.textContent).toBe('Terms of Service')
    expect(terms.getAttribute('href')).toBe(links.termsUrl)
    expect(privacy.getAttribute('href')).toBe(links.privacyUrl)
    for (const link of [terms, privacy]) {
      expect(link.getAttribute('target')).toBe('_blank')
      expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    }
  })

  it('applies once per rendered form and restores the label on undo', () => {
    const label = checkboxForm()
    const undo = applyConsent({ label, submitBar: null }, links, ENGLISH)
    applyConsent({ label, submitBar: null }, links, ENGLISH)
    expect(within(label).getAllByRole('link')).toHaveLength(2)
    undo!()
    expect(label.textContent).toBe('I agree')
    expect(within(label).queryAllByRole('link')).toHaveLength(0)
  })

  it('shows the "By signing up" notice above the submit button when the form has no consent checkbox', () => {
    checkboxForm()
    const bar = document.querySelector<HTMLElement>('.o-form-button-bar')!
    const undo = applyConsent({ label: null, submitBar: bar }, links, ENGLISH)
    applyConsent({ label: null, submitBar: bar }, links, ENGLISH)
    const notice = bar.previousElementSibling as HTMLElement
    expect(notice.textContent).toBe(
      'By signing up you agree to the Terms of Service (opens in a new tab) and Privacy Policy (opens in a new tab)',
    )
    expect(document.querySelectorAll('.rk-consent-notice')).toHaveLength(1)
    undo!()
    expect(document.querySelector('.rk-consent-notice')).toBeNull()
  })

  it('uses the page’s own wording for the widget’s language, link names included', () => {
    const label = checkboxForm()
    const texts = resolveTexts('fr-CA', {
      fr: {
        consentLabel: "J'accepte les {terms} et la {privacy}",
        termsLink: "conditions d'utilisation",
        privacyLink: 'politique de confidentialité',
        opensInNewTab: '(nouvel onglet)',
      },
      en: { consentLabel: 'not for French users {terms}' },
    })
    applyConsent({ label, submitBar: null }, links, texts)
    expect(within(label).getByRole('link', { name: /^conditions d'utilisation ?\(nouvel onglet\)$/ })).toBeTruthy()
    expect(label.textContent).toBe(
      "J'accepte les conditions d'utilisation (nouvel onglet) et la politique de confidentialité (nouvel onglet)",
    )
  })

  it('renders consent texts containing markup as inert text', () => {
    const label = checkboxForm()
    const texts = resolveTexts('en', { en: { consentLabel: '<img src=x onerror=alert(1)> {terms}', termsLink: '<b>Terms</b>' } })
    applyConsent({ label, submitBar: null }, links, texts)
    expect(label.querySelector('img, b')).toBeNull()
    expect(label.textContent).toContain('<img src=x onerror=alert(1)> <b>Terms</b>')
  })
})

describe('consent links', () => {
  const page = 'http://localhost:3000/signin'

  it('accepts https URLs and same-origin paths', () => {
    expect(safeLinkUrl('https://example.com/terms', page)).toBe('https://example.com/terms')
    expect(safeLinkUrl('/legal/privacy', page)).toBe('http://localhost:3000/legal/privacy')
  })

  it.each(['javascript:alert(1)', 'http://example.com/terms', '//evil.example/terms', 'data:text/html,hi'])(
    'rejects %s',
    (link) => {
      expect(() => safeLinkUrl(link, page)).toThrow(/https: or the page's own origin/)
    },
  )
})
