import { compilePolicy, type RegistrationPolicy } from '../../policy/index.ts'
import { safeLinkUrl } from './consent/links.ts'
import type { ConsentLinks } from './consent/consentSentence.ts'
import { inlineSource, remoteSource, type DepartmentSource } from './departmentPicker/departmentSource.ts'
import { injectStyles } from './styles.ts'
import { resolveTexts, type KitTexts } from './texts.ts'
import type { RegistrationFailure, RegistrationKitOptions, WidgetConfig } from './types.ts'
import type { FormFields } from './validation/profileCheck.ts'
import { registrationHooks, type RegistrationHooksOptions } from './validation/registrationHooks.ts'

/** What both widget generations' adapters build the same way from the kit's options. */
export interface KitSetup {
  texts: KitTexts
  policy: RegistrationPolicy
  links: ConsentLinks
  source: DepartmentSource
  /**
   * Chains the kit's `preSubmit`/`postSubmit` into `config.registration`, which the widget reads at
   * `renderEl`. `onRejected` hears the kit's own rejections. Returns the undo.
   */
  chainRegistration(currentForm: () => FormFields | undefined, onRejected?: (failure: RegistrationFailure) => void): () => void
  /** Removes the kit's stylesheet. */
  removeStyles(): void
}

export function kitSetup(config: WidgetConfig, options: RegistrationKitOptions): KitSetup {
  const doc = document
  const policy = compilePolicy(options.policy)
  const { consent } = options.policy
  const limit = options.departmentLimit ?? 8
  const inline = inlineSource(policy.departments, limit)
  const nonce = options.styleNonce ?? (typeof config.cspNonce === 'string' ? config.cspNonce : undefined)
  return {
    texts: resolveTexts(options.texts),
    policy,
    links: {
      termsUrl: safeLinkUrl(consent.termsUrl, doc.baseURI),
      privacyUrl: safeLinkUrl(consent.privacyUrl, doc.baseURI),
    },
    source: options.departmentsUrl ? remoteSource(options.departmentsUrl, limit, inline) : inline,
    chainRegistration: (currentForm, onRejected) =>
      chainRegistration(config, { policy, currentForm, onRejected, onPostSubmit: options.onPostSubmit }),
    removeStyles: injectStyles(doc, nonce),
  }
}

function chainRegistration(config: WidgetConfig, options: RegistrationHooksOptions): () => void {
  const created = config.registration === undefined
  const registration = (config.registration ??= {})
  const original = { preSubmit: registration.preSubmit, postSubmit: registration.postSubmit }
  const hooks = registrationHooks(original, options)
  Object.assign(registration, hooks)
  return () => {
    // Give the page back its own callbacks, unless it replaced ours in the meantime.
    for (const name of ['preSubmit', 'postSubmit'] as const) {
      if (registration[name] !== hooks[name]) continue
      if (original[name]) registration[name] = original[name] as never
      else delete registration[name]
    }
    if (created && config.registration === registration && Object.keys(registration).length === 0) delete config.registration
  }
}
