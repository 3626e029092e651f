import type { PageConfig } from './config.ts'

/**
 * The widget's configuration: everything served from this origin, English labels bundled, no CDN. Shared by
 * the embedded page and the offline hosted-template page (whose `OktaUtil` the server writes), so both
 * run the widget the same way. No DOM access here: the server imports it.
 */
export function widgetConfig({ okta }: Pick<PageConfig, 'okta'>, cspNonce: string): Record<string, unknown> {
  return {
    issuer: okta.issuer,
    clientId: okta.clientId,
    // Explicit, or auth-js would use the page's current URL at each call, which changes during the flow.
    redirectUri: okta.redirectUri,
    scopes: ['openid', 'profile', 'email'],
    language: 'en',
    assets: { baseUrl: '/widget' },
    // The brand in the widget's header band; `logoText` is its text alternative.
    logo: '/page/logo.svg',
    logoText: 'Registration Kit',
    cspNonce,
    // The Identity Engine bundle refuses to start unless told explicitly that this is not Classic Engine.
    useClassicEngine: false,
    // Gen3 has no default and, without it, never exchanges the interaction code for tokens; Gen2's default.
    authScheme: 'oauth2',
  }
}
