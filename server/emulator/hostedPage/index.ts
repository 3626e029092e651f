import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { HostedSignInPage } from '../options.ts'
import { widgetResourceTags, type WidgetGeneration } from '../../page/widgetBundle.ts'
import { embeddedSignIn, widgetLook, type SignInClient } from '../../page/widgetSettings.ts'
import { BASE_CSP_DIRECTIVES } from '../../plugins/browserHeaders.ts'
import { onRequestOrigin } from '../../plugins/hostHeader.ts'
import { nonceSource, responseNonce } from './nonce.ts'
import { oktaUtilScript } from './oktaUtil.ts'
import { renderHostedPage } from './template.ts'

export interface HostedPageOptions {
  /** The block a brand team pastes (what `npm run snippet` prints), from the build; undefined when not built. */
  snippet: string | undefined
  generation: WidgetGeneration
}

/**
 * Okta's default hosted template with the kit's snippet pasted below the widget resources, filled in as Okta
 * serves it: the widget from a script tag, the config from `OktaUtil`, the template's own script unchanged.
 * The widget's files come from the page plugin's asset routes (`/widget/`).
 */
export function createHostedPage({ snippet, generation }: HostedPageOptions): HostedSignInPage {
  return {
    routeOptions: (redirectOrigins) => ({
      helmet: {
        // helmet's own nonces differ for scripts and styles; the template has one (see nonce.ts).
        enableCSPNonces: false,
        contentSecurityPolicy: {
          directives: {
            ...BASE_CSP_DIRECTIVES,
            scriptSrc: [...BASE_CSP_DIRECTIVES.scriptSrc, nonceSource],
            styleSrc: [...BASE_CSP_DIRECTIVES.styleSrc, nonceSource],
            // The widget leaves through a form: Chrome holds the redirects that follow it to form-action too.
            formAction: [...BASE_CSP_DIRECTIVES.formAction, ...redirectOrigins],
          },
        },
      },
    }),
    async send(reply, settings) {
      if (snippet === undefined) {
        return reply.code(503).type('text/plain; charset=utf-8').send('The hosted page’s snippet is not built: run "npm run build".')
      }
      const nonce = responseNonce(reply.raw)
      const html = renderHostedPage({
        pageTitle: 'Sign in',
        bgImageUrl: 'none',
        // No icon to serve offline; without one the browser asks for /favicon.ico and logs a 404.
        faviconUrl: 'data:,',
        // As Okta's {{{SignInWidgetResources}}}: the widget's own bundle and stylesheet.
        signInWidgetResources: widgetResourceTags(generation, nonce),
        useSiwGen3: generation === 'gen3',
        oktaUtil: oktaUtilScript(nonce, { ...widgetLook, cspNonce: nonce, ...settings }),
        nonce,
        snippet,
      })
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html)
    },
  }
}

export interface HostedPreviewOptions {
  /** The emulator's issuer and redirect URI, as paths resolved against the request's origin. */
  okta: SignInClient
  hostedPage: HostedSignInPage
}

/**
 * `GET /hosted`, offline only: the hosted page running the widget in the embedded model, to try the snippet
 * as brand teams use it without an app. `/oauth2/default/v1/authorize` serves the same page in Okta's redirect model.
 */
export default fp(
  async function hostedPreview(app: FastifyInstance, { okta, hostedPage }: HostedPreviewOptions) {
    app.get('/hosted', hostedPage.routeOptions([]), async (request, reply) => {
      const onThisOrigin = { ...okta, issuer: onRequestOrigin(request, okta.issuer), redirectUri: onRequestOrigin(request, okta.redirectUri) }
      // On Okta the org's self-service registration policy turns this on; the emulator offers sign-up.
      return hostedPage.send(reply, { ...embeddedSignIn(onThisOrigin), features: { registration: true } })
    })
  },
  { name: 'hosted-page', dependencies: ['browser-headers'] },
)
