import type { PageConfig } from './config.ts'

/** The part of the Sign-In Widget's API the page uses; the bundle defines `window.OktaSignIn`. */
export interface SignInWidget {
  showSignInToGetTokens(options: { el: string }): Promise<{ idToken?: { claims: Record<string, unknown> } }>
  remove(): void
  authClient: {
    transactionManager: { clear(): void }
    tokenManager: { clear(): void }
  }
}

declare global {
  interface Window {
    OktaSignIn: new (config: Record<string, unknown>) => SignInWidget
  }
}

/** The widget's configuration: everything served from this origin, English labels bundled, no CDN. */
export function createSignIn({ okta }: PageConfig, cspNonce: string): SignInWidget {
  return new window.OktaSignIn({
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
  })
}
