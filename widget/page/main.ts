import './page.css'
import { LANGUAGE_TAG } from '../../policy/index.ts'
import { registrationKit } from '../kit/index.ts'
import { readPageConfig } from './config.ts'
import { keepPageTitle } from './pageTitle.ts'
import { showSignedIn } from './signedIn.ts'
import { OktaSignIn } from './widget.ts'

const page = readPageConfig()
keepPageTitle(document)

/** `?lang=fr` shows the page in that language; else the server's WIDGET_LANGUAGE; else the browser's, as the widget picks it. */
function chosenLanguage(): string | undefined {
  const asked = new URLSearchParams(location.search).get('lang')
  return asked !== null && LANGUAGE_TAG.test(asked) ? asked : page.language
}

/** One registration: the widget until tokens arrive, then the signed-in view; signing out starts again. */
async function start(): Promise<void> {
  const language = chosenLanguage()
  const config = { ...page.widget, cspNonce: page.styleNonce, ...(language ? { language } : {}) }
  const signIn = new OktaSignIn(config)
  // Before the first render, with the very config the widget was created with.
  const kit = page.kit
    ? registrationKit(signIn, config, {
        policy: page.policy,
        departmentsUrl: page.kit.departmentsUrl,
        // A returning user asked for a missing department (progressive profiling) gets the picker too.
        progressiveProfile: true,
        // The page's own reaction to a refusal: any script on the page can listen for these.
        onError: (detail) => document.dispatchEvent(new CustomEvent('registration-error', { detail })),
        onDenied: (detail) => document.dispatchEvent(new CustomEvent('registration-denied', { detail })),
      })
    : undefined
  const tokens = await signIn.showSignInToGetTokens({ el: '#sign-in-widget' })
  kit?.destroy()
  signIn.remove()
  showSignedIn(tokens.idToken?.claims ?? {}, page.policy, () => {
    signIn.authClient.tokenManager.clear()
    signIn.authClient.transactionManager.clear()
    void start()
  })
}

void start()
