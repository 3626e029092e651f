import './page.css'
import { readPageConfig } from './config.ts'
import { showSignedIn } from './signedIn.ts'
import { createSignIn } from './widget.ts'

const { config, nonce } = readPageConfig()

/** One registration: the widget until tokens arrive, then the signed-in view; signing out starts again. */
async function start(): Promise<void> {
  const signIn = createSignIn(config, nonce)
  // The customization kit attaches here, before the first render: applyKit(signIn, config.policy)
  const tokens = await signIn.showSignInToGetTokens({ el: '#sign-in-widget' })
  signIn.remove()
  showSignedIn(tokens.idToken?.claims ?? {}, config.policy, () => {
    signIn.authClient.tokenManager.clear()
    signIn.authClient.transactionManager.clear()
    void start()
  })
}

void start()
