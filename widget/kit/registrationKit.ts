import { attachGen2 } from './gen2/attachGen2.ts'
import { attachGen3 } from './gen3/attachGen3.ts'
import type { Gen3SignInWidget } from './gen3/gen3Form.ts'
import { withTranslations } from './translations.ts'
import type { RegistrationKitHandle, RegistrationKitOptions, SignInWidget, WidgetConfig } from './types.ts'

/** The third-generation widget is the one with `afterTransform`. */
const isGen3 = (signIn: SignInWidget): signIn is SignInWidget & Gen3SignInWidget => typeof signIn.afterTransform === 'function'

/**
 * Applies the registration kit to a Sign-In Widget of either generation: call it after
 * `new OktaSignIn(config)` and before `renderEl`, with the same `config` object (the widget reads its
 * registration callbacks from it when it renders). Entries the page already set are kept and chained,
 * never replaced. The kit's shipped translations come with it.
 */
export function registrationKit(signIn: SignInWidget, config: WidgetConfig, options: RegistrationKitOptions): RegistrationKitHandle {
  return applyKit(signIn, config, { ...options, texts: withTranslations(options.texts) })
}

/** The same, with only the texts the options give over English: the code-editor snippet brings its translations as data. */
export function applyKit(signIn: SignInWidget, config: WidgetConfig, options: RegistrationKitOptions): RegistrationKitHandle {
  return isGen3(signIn) ? handle('gen3', attachGen3(signIn, config, options)) : handle('gen2', attachGen2(signIn, config, options))
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
