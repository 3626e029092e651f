import gen2CssUrl from '@okta/okta-signin-widget/css/okta-sign-in.min.css?url'
import gen3CssUrl from '@okta/okta-signin-widget/css/okta-sign-in.next.css?url'
import gen2JsUrl from '../../node_modules/@okta/okta-signin-widget/dist/js/okta-sign-in.min.js?url'
import gen3JsUrl from '../../node_modules/@okta/okta-signin-widget/dist/js/okta-sign-in.next.js?url'
import type { WidgetGeneration } from '../../server/page/widgetBundle.ts'

interface OktaSignInInstance {
  renderEl(options: { el: string }): Promise<unknown>
  on(event: string, handler: (...args: never[]) => void): void
  off(event: string, handler?: (...args: never[]) => void): void
  remove(): void
}

export type OktaSignInConstructor = new (config: Record<string, unknown>) => OktaSignInInstance

// Read without a global declaration: the page's own typings declare `window.OktaSignIn` their way.
const global = () => (window as unknown as { OktaSignIn?: OktaSignInConstructor }).OktaSignIn

function load<T extends HTMLElement>(element: T): Promise<void> {
  return new Promise((resolve, reject) => {
    element.addEventListener('load', () => resolve(), { once: true })
    element.addEventListener('error', () => reject(new Error('could not load the widget')), { once: true })
    document.head.append(element)
  })
}

const BUNDLES: Record<WidgetGeneration, { js: string; css: string }> = {
  gen2: { js: gen2JsUrl, css: gen2CssUrl },
  gen3: { js: gen3JsUrl, css: gen3CssUrl },
}

/**
 * Loads a generation's widget bundle and its CSS with script and link tags, as Okta's hosted page does.
 * A test file runs one generation: both bundles define the same global.
 */
export async function loadWidget(generation: WidgetGeneration = 'gen2'): Promise<OktaSignInConstructor> {
  if (!global()) {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: BUNDLES[generation].css })
    const script = Object.assign(document.createElement('script'), { src: BUNDLES[generation].js })
    await Promise.all([load(link), load(script)])
  }
  return global()!
}

export type { OktaSignInInstance }

/** Resolves on the next `afterRender` of `formName`, with the widget's DOM in place. */
export function rendered(signIn: OktaSignInInstance, formName: string): Promise<void> {
  return new Promise((resolve) => {
    const handler = (context: { formName?: string }) => {
      if (context.formName !== formName) return
      signIn.off('afterRender', handler as never)
      resolve()
    }
    signIn.on('afterRender', handler as never)
  })
}
