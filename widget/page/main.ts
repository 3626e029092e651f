import './page.css'
import { registrationKit } from '../kit/index.ts'
import { readPageConfig } from './config.ts'
import { keepPageTitle } from './pageTitle.ts'
import { showSignedIn } from './signedIn.ts'
import { OktaSignIn, widgetConfig } from './widget.ts'

const page = readPageConfig()
keepPageTitle(document)

/** One registration: the widget until tokens arrive, then the signed-in view; signing out starts again. */
async function start(): Promise<void> {
  const config = widgetConfig(page, page.styleNonce)
  const signIn = new OktaSignIn(config)
  // Before the first render, with the very config the widget was created with.
  // A returning user asked for a missing department (progressive profiling) gets the picker too.
  const kit = page.kit ? registrationKit(signIn, config, { policy: page.policy, departmentsUrl: page.kit.departmentsUrl, progressiveProfile: true }) : undefined
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
