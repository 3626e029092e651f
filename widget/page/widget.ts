/** The part of the Sign-In Widget's API the page (and the kit it will carry) uses. */
export interface SignInWidget {
  showSignInToGetTokens(options: { el: string }): Promise<{ idToken?: { claims: Record<string, unknown> } }>
  remove(): void
  on(event: string, handler: (...args: never[]) => void): unknown
  authClient: {
    transactionManager: { clear(): void }
    tokenManager: { clear(): void }
  }
}

type SignInWidgetConstructor = new (config: Record<string, unknown>) => SignInWidget

/** The widget's own bundle, loaded by a `<script>` before the page's entry, defines this global. */
export const OktaSignIn = (window as unknown as { OktaSignIn: SignInWidgetConstructor }).OktaSignIn
