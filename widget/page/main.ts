import './page.css'
import { readPageConfig } from './config.ts'
import { showSignedIn } from './signedIn.ts'
import { OktaSignIn, widgetConfig } from './widget.ts'

const { config: page, nonce } = readPageConfig()

/** One registration: the widget until tokens arrive, then the signed-in view; signing out starts again. */
async function start(): Promise<void> {
  const config = widgetConfig(page, nonce)
  const signIn = new OktaSignIn(config)
  // The customization kit attaches here, before the first render, e.g. registrationKit(signIn, config, { policy: page.policy })
  const tokens = await signIn.showSignInToGetTokens({ el: '#sign-in-widget' })
  signIn.remove()
  showSignedIn(tokens.idToken?.claims ?? {}, page.policy, () => {
    signIn.authClient.tokenManager.clear()
    signIn.authClient.transactionManager.clear()
    void start()
  })
}

void start()
