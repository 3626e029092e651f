import { describe, expect, it } from 'vitest'
import { renderHostedPage } from '../../../../server/emulator/hostedPage/template.ts'

const values = {
  pageTitle: 'Example sign-in',
  bgImageUrl: 'none',
  faviconUrl: 'data:,',
  signInWidgetResources: '<script src="/widget/okta-sign-in.min.js"></script>',
  oktaUtil: '<script nonce="n0nce">var OktaUtil = {}</script>',
  nonce: 'n0nce',
  useSiwGen3: false,
  snippet: '<script nonce="{{nonceValue}}">RegistrationKit.attachToHostedPage({})</script>',
}

describe("Okta's hosted template with the pasted snippet", () => {
  it('puts the snippet right below the widget resources, with the page nonce', () => {
    const html = renderHostedPage(values)
    expect(html).toContain(
      '<script src="/widget/okta-sign-in.min.js"></script>\n<script nonce="n0nce">RegistrationKit.attachToHostedPage({})</script>',
    )
    expect(html.indexOf('attachToHostedPage')).toBeLessThan(html.indexOf('var oktaSignIn = new OktaSignIn(config)'))
    expect(html).not.toMatch(/\{\{nonceValue\}\}|\{\{\{OktaUtil\}\}\}/)
  })

  it('keeps the template script as Okta ships it', () => {
    const html = renderHostedPage(values)
    expect(html).toContain('<script type="text/javascript" nonce="n0nce">\n    var config = OktaUtil.getSignInWidgetConfig();')
  })

  it('renders the {{#useSiwGen3}} sections only for a third-generation brand', () => {
    const gen3Only = '<style nonce="n0nce">html { font-size: 87.5%; }</style>'
    expect(renderHostedPage({ ...values, useSiwGen3: true })).toContain(gen3Only)
    const gen2 = renderHostedPage(values)
    expect(gen2).not.toContain(gen3Only)
    expect(gen2).not.toMatch(/useSiwGen3/)
  })

  it('refuses a template without the widget resources', () => {
    expect(() => renderHostedPage(values, '<html></html>')).toThrow(/SignInWidgetResources/)
  })
})
