import type { PageConfig } from './config.ts'

/** The part of the Sign-In Widget's API the page (and the kit it will carry) uses. */
export interface SignInWidget {
  showSignInToGetTokens(options: { el: string }): Promise<{ idToken?: { claims: Record<string, unknown> } }>
  remove(): void
  on(event: string, handler: (...args: never[]) => void): unknown
  authClient: {
    transactionManager: { clear(): void }
    tokenManager: { clear(): void }
  }
}

type SignInWidgetConstructor = new (config: Record<string, unknown>) => SignInWidget

/** The widget's own bundle, loaded by a `<script>` before the page's entry, defines this global. */
export const OktaSignIn = (window as unknown as { OktaSignIn: SignInWidgetConstructor }).OktaSignIn

/** The widget's configuration: everything served from this origin, English labels bundled, no CDN. */
export function widgetConfig({ okta }: PageConfig, cspNonce: string): Record<string, unknown> {
  return {
    issuer: okta.issuer,
    clientId: okta.clientId,
    // Explicit, or auth-js would use the current URL at each call (idx-emulator.md §9).
    redirectUri: okta.redirectUri,
    scopes: ['openid', 'profile', 'email'],
    language: 'en',
    assets: { baseUrl: '/widget' },
    cspNonce,
    // The Identity Engine bundle refuses to start unless told explicitly that this is not Classic Engine.
    useClassicEngine: false,
  }
}
