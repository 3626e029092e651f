import { attachGen2 } from './gen2/attachGen2.ts'
import type { RegistrationKitHandle, RegistrationKitOptions, SignInWidget, WidgetConfig } from './types.ts'

/**
 * Applies the registration kit to a Sign-In Widget: call it after `new OktaSignIn(config)` and before
 * `renderEl`, with the same `config` object (the widget reads its registration callbacks from it when it
 * renders). Entries the page already set are kept and chained, never replaced.
 *
 * The third-generation widget (detected by `signIn.afterTransform`) is not customized yet: the kit then
 * leaves the page untouched and says so in the console, so a hosted page never breaks on a generation switch.
 */
export function registrationKit(
  signIn: SignInWidget,
  config: WidgetConfig,
  options: RegistrationKitOptions,
): RegistrationKitHandle {
  if (typeof signIn.afterTransform === 'function') {
    console.warn('Registration kit: the third-generation Sign-In Widget is not supported yet; the kit is not applied.')
    return handle('gen3', () => {})
  }
  return handle('gen2', attachGen2(signIn, config, options))
}

function handle(generation: RegistrationKitHandle['generation'], undo: () => void): RegistrationKitHandle {
  let done = false
  const destroy = () => {
    if (done) return
    done = true
    undo()
  }
  return { generation, destroy, remove: destroy }
}
