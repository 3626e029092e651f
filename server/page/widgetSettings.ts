import { PAGE_PREFIX } from './assets.ts'
import { HELP_PATH } from './legal.ts'
import { WIDGET_ASSETS_PREFIX } from './widgetBundle.ts'

/**
 * How the widget looks and loads on this server's pages, whoever starts its transaction: everything from
 * this origin (label files included, so the widget speaks the user's language), no CDN. The embedded page
 * and the offline Okta-hosted page both use it, so both run the widget the same way.
 */
export const widgetLook = {
  assets: { baseUrl: WIDGET_ASSETS_PREFIX.replace(/\/$/, '') },
  helpLinks: { help: HELP_PATH },
  // The brand in the widget's header band (from the page's build); `logoText` is its text alternative.
  logo: `${PAGE_PREFIX}logo.svg`,
  logoText: 'Registration Kit',
  // The Identity Engine bundle refuses to start unless told explicitly that this is not Classic Engine.
  useClassicEngine: false,
} as const

/** The issuer and client a widget signs in with; absolute URLs. */
export interface SignInClient {
  issuer: string
  clientId: string
  redirectUri: string
}

/** The embedded model: the widget starts the transaction itself (interact) and exchanges the interaction code. */
export const embeddedSignIn = ({ issuer, clientId, redirectUri }: SignInClient) => ({
  issuer,
  clientId,
  // Explicit, or auth-js would use the page's current URL at each call, which changes during the flow.
  redirectUri,
  scopes: ['openid', 'profile', 'email'],
  // Gen3 has no default and, without it, never exchanges the interaction code for tokens; Gen2's default.
  authScheme: 'oauth2',
})
