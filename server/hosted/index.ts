import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Policy } from '../../policy/index.ts'
import { renderHostedPage } from '../../widget/code-editor/hostedTemplate.ts'
import { widgetConfig } from '../../widget/page/widgetConfig.ts'
import { widgetResourceTags, type WidgetGeneration } from '../page/widgetBundle.ts'
import { BASE_CSP_DIRECTIVES } from '../plugins/browserHeaders.ts'
import { requestOrigin } from '../plugins/hostHeader.ts'
import { nonceSource, responseNonce } from './nonce.ts'
import { oktaUtilScript } from './oktaUtil.ts'

export interface HostedPageOptions {
  /** The emulator's issuer and redirect URI, as paths resolved against the request's origin. */
  okta: { issuer: string; clientId: string; redirectUri: string }
  /** The server's validated policy, inlined in the snippet as `npm run snippet` would. */
  policy: Policy
  /** The same-origin departments API (the https-only DEPARTMENTS_URL rule of `npm run snippet` is for Okta's domain). */
  departmentsUrl: string
  generation: WidgetGeneration
}

/**
 * `GET /hosted`, offline only: Okta's default hosted template with the kit's snippet pasted below the widget
 * resources, filled in as Okta serves it. It proves the snippet as brand teams use it: the widget from a
 * script tag, the config from `OktaUtil`, the template's own script unchanged. The widget's files come from
 * the page plugin's asset routes (`/widget/`).
 */
export default fp(
  async function hostedPage(app: FastifyInstance, { okta, policy, departmentsUrl, generation }: HostedPageOptions) {
    // Built on the first request and kept: Vite takes seconds, server boot should not, and it is a
    // devDependency, so it is loaded only when the offline page is asked for. A failed build is retried.
    let pasted: Promise<string> | undefined
    const snippet = () =>
      (pasted ??= import('../../widget/code-editor/snippet.ts')
        .then(({ snippetFor }) => snippetFor({ policy, departmentsUrl }))
        .catch((error: unknown) => {
          pasted = undefined
          throw error
        }))

    const route = {
      helmet: {
        // helmet's own nonces differ for scripts and styles; the template has one (see nonce.ts).
        enableCSPNonces: false,
        contentSecurityPolicy: {
          directives: {
            ...BASE_CSP_DIRECTIVES,
            scriptSrc: [...BASE_CSP_DIRECTIVES.scriptSrc, nonceSource],
            styleSrc: [...BASE_CSP_DIRECTIVES.styleSrc, nonceSource],
          },
        },
      },
    }
    app.get('/hosted', route, async (request, reply) => {
      const origin = requestOrigin(request)
      const nonce = responseNonce(reply.raw)
      const onThisOrigin = { ...okta, issuer: new URL(okta.issuer, origin).href, redirectUri: new URL(okta.redirectUri, origin).href }
      const config = {
        ...widgetConfig({ okta: onThisOrigin }, nonce),
        // On Okta the org's self-service registration policy turns this on; the emulator offers sign-up.
        features: { registration: true },
      }
      const html = renderHostedPage({
        pageTitle: 'Sign in',
        bgImageUrl: 'none',
        // No icon to serve offline; without one the browser asks for /favicon.ico and logs a 404.
        faviconUrl: 'data:,',
        // As Okta's {{{SignInWidgetResources}}}: the widget's own bundle and stylesheet.
        signInWidgetResources: widgetResourceTags(generation, nonce),
        useSiwGen3: generation === 'gen3',
        oktaUtil: oktaUtilScript(nonce, config),
        nonce,
        snippet: await snippet(),
      })
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html)
    })
  },
  { name: 'hosted-page', dependencies: ['browser-headers'] },
)
