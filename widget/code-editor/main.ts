import { applyKit } from '../kit/registrationKit.ts'
import type { RegistrationKitHandle, RegistrationKitOptions, SignInWidget, WidgetConfig } from '../kit/types.ts'

// Read while this script runs: `document.currentScript` is null as soon as it has finished. Okta's page
// CSP only lets the kit's <style> in with the nonce of the <script nonce="{{nonceValue}}"> it came in.
const pageNonce = document.currentScript?.nonce || undefined

type SignInConstructor = new (config: WidgetConfig) => SignInWidget

/**
 * Applies the kit to one widget, with the page's nonce on the kit's styles. The kit's translations come
 * in `options.texts`, as `npm run snippet` writes them.
 */
export function attach(signIn: SignInWidget, config: WidgetConfig, options: RegistrationKitOptions): RegistrationKitHandle {
  return applyKit(signIn, config, { styleNonce: pageNonce, ...options })
}

/**
 * For Okta's hosted template, where the snippet sits in `<head>` and the template's own script later runs
 * `new OktaSignIn(config)` then `renderEl`: every widget the page creates gets the kit as it is constructed,
 * so the template's script stays exactly as Okta ships it.
 */
export function attachToHostedPage(options: RegistrationKitOptions): void {
  const host = window as unknown as { OktaSignIn?: SignInConstructor }
  const OktaSignIn = host.OktaSignIn
  if (typeof OktaSignIn !== 'function') {
    console.error('Registration kit: OktaSignIn is not loaded. Paste the snippet below the SignInWidgetResources line.')
    return
  }
  host.OktaSignIn = class extends OktaSignIn {
    constructor(config: WidgetConfig) {
      super(config)
      attach(this, config, options)
    }
  }
}

