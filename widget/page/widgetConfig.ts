import type { PageConfig } from './config.ts'

/** The page the widget's "Help" link opens (served by the server with the legal pages). */
export const HELP_PATH = '/help'

/**
 * How the widget looks and loads, whoever starts its transaction: everything served from this origin
 * (label files included, so the widget speaks the user's language), no CDN. Shared by the embedded page and the offline Okta-hosted page (whose
 * `OktaUtil` the server writes), so both run the widget the same way. No DOM access here: the server imports it.
 */
export function widgetLook(cspNonce: string): Record<string, unknown> {
  return {
    assets: { baseUrl: '/widget' },
    helpLinks: { help: HELP_PATH },
    // The brand in the widget's header band; `logoText` is its text alternative.
    logo: '/page/logo.svg',
    logoText: 'Registration Kit',
    cspNonce,
    // The Identity Engine bundle refuses to start unless told explicitly that this is not Classic Engine.
    useClassicEngine: false,
  }
}

/** The embedded model: the widget starts the transaction itself (interact) and exchanges the interaction code. */
export function embeddedSignIn({ okta }: Pick<PageConfig, 'okta'>): Record<string, unknown> {
  return {
    issuer: okta.issuer,
    clientId: okta.clientId,
    // Explicit, or auth-js would use the page's current URL at each call, which changes during the flow.
    redirectUri: okta.redirectUri,
    scopes: ['openid', 'profile', 'email'],
    // Gen3 has no default and, without it, never exchanges the interaction code for tokens; Gen2's default.
    authScheme: 'oauth2',
  }
}

/** The embedded page's widget configuration. */
export function widgetConfig(page: Pick<PageConfig, 'okta'>, cspNonce: string): Record<string, unknown> {
  return { ...embeddedSignIn(page), ...widgetLook(cspNonce) }
}
