import { existsSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Policy } from '../../policy/index.ts'
import { scriptSafeJson, type PageConfig } from '../../policy/pageConfig.ts'
import { BASE_CSP_DIRECTIVES } from '../plugins/browserHeaders.ts'
import { onRequestOrigin } from '../plugins/hostHeader.ts'
import { assetRoutes, PAGE_DIST } from './assets.ts'
import { pageHtml } from './html.ts'
import { legalRoutes } from './legal.ts'
import type { WidgetGeneration } from './widgetBundle.ts'
import { embeddedSignIn, widgetLook, type SignInClient } from './widgetSettings.ts'

export interface PageOptions {
  /** `issuer` and `redirectUri` may be paths (the emulator): they are resolved against the request's origin. */
  okta: SignInClient
  /** Handed to the page as is, for the customization kit. */
  policy: Policy
  /** The customization kit's settings, or false for the bare widget. */
  kit: PageConfig['kit']
  generation: WidgetGeneration
  /** One language for every visitor (WIDGET_LANGUAGE); unset, the widget follows the browser. */
  language?: string
}

/** The embedded sign-in page at `/`, its assets, and the legal pages the consent box links to. */
export default fp(
  async function page(app: FastifyInstance, { okta, policy, kit, generation, language }: PageOptions) {
    if (!existsSync(path.join(PAGE_DIST, 'page.js'))) {
      app.log.warn(`The page's browser bundle is missing in ${PAGE_DIST}: run "npm run build".`)
    }
    // The widget talks to the issuer: this origin for the emulator, the org's otherwise.
    const connectSrc = ["'self'", ...(/^https?:\/\//.test(okta.issuer) ? [new URL(okta.issuer).origin] : [])]

    await app.register(assetRoutes, { generation })
    await app.register(legalRoutes, { consent: policy.consent })
    const pageRoute = {
      helmet: {
        contentSecurityPolicy: {
          directives: { ...BASE_CSP_DIRECTIVES, connectSrc },
        },
      },
    }
    const renderPage = (request: FastifyRequest, reply: FastifyReply) => {
      const config: PageConfig = {
        widget: {
          ...embeddedSignIn({ ...okta, issuer: onRequestOrigin(request, okta.issuer), redirectUri: onRequestOrigin(request, okta.redirectUri) }),
          ...widgetLook,
        },
        policy,
        kit,
        language,
        // The widget (and the kit) inject <style> elements: they need the style nonce, not the script one.
        styleNonce: reply.cspNonce.style,
      }
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(pageHtml(reply.cspNonce, scriptSafeJson(config), generation))
    }
    app.get('/', pageRoute, renderPage)
    // The widget finishes on the redirect URI after a redirect (an IdP, an email link): it is the same page.
    const callbackPath = new URL(okta.redirectUri, 'http://page').pathname
    if (callbackPath !== '/') app.get(callbackPath, pageRoute, renderPage)
  },
  { name: 'page', dependencies: ['browser-headers'] },
)
