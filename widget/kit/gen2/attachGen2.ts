import { compilePolicy } from '../../../policy/index.ts'
import { applyConsent } from '../consent/consent.ts'
import { safeLinkUrl } from '../consent/links.ts'
import { createDepartmentPicker, isUpgraded, type DepartmentPicker } from '../departmentPicker/departmentPicker.ts'
import { inlineSource, remoteSource } from '../departmentPicker/departmentSource.ts'
import { injectStyles } from '../styles.ts'
import { resolveTexts } from '../texts.ts'
import type { RegistrationKitOptions, SignInWidget, WidgetConfig } from '../types.ts'
import type { FormFields } from '../validation/profileCheck.ts'
import { registrationHooks } from '../validation/registrationHooks.ts'
import { toErrorEvent } from './afterError.ts'
import { findEnrollProfileForm, isProfileUpdate } from './gen2Form.ts'

const SIGN_UP_FORM = 'enroll-profile'

/**
 * Attaches the kit to a Gen2 widget: registration callbacks chained into `config.registration` (read by
 * the widget at `renderEl`), DOM upgrades from `afterRender` (Gen2 `after` hooks run before the first form
 * exists), analytics from `afterError`. Returns the undo.
 */
export function attachGen2(signIn: SignInWidget, config: WidgetConfig, options: RegistrationKitOptions): () => void {
  const doc = document
  const texts = resolveTexts(options.texts)
  const policy = compilePolicy(options.policy)
  const { consent, department } = options.policy
  const links = {
    termsUrl: safeLinkUrl(consent.termsUrl, doc.baseURI),
    privacyUrl: safeLinkUrl(consent.privacyUrl, doc.baseURI),
  }
  const limit = options.departmentLimit ?? 8
  const inline = inlineSource(policy.departments, limit)
  const source = options.departmentsUrl ? remoteSource(options.departmentsUrl, limit, inline) : inline

  const nonce = options.styleNonce ?? (typeof config.cspNonce === 'string' ? config.cspNonce : undefined)
  const removeStyles = injectStyles(doc, nonce)
  let undoConsent = () => {}
  let picker: DepartmentPicker | undefined

  const currentForm = (): FormFields | undefined => {
    const form = findEnrollProfileForm(doc)
    if (!form) return undefined
    const update = isProfileUpdate(signIn)
    if (update && !options.progressiveProfile) return undefined
    return { mode: update ? 'profileUpdate' : 'registration', has: (attribute) => form.input(attribute) !== null }
  }

  const created = config.registration === undefined
  const registration = (config.registration ??= {})
  const original = { preSubmit: registration.preSubmit, postSubmit: registration.postSubmit }
  const hooks = registrationHooks(original, { policy, currentForm, onPostSubmit: options.onPostSubmit })
  Object.assign(registration, hooks)

  const onAfterRender = (context: { formName?: string } | undefined) => {
    if (context?.formName !== SIGN_UP_FORM) {
      // The previous form's DOM is gone; drop its timers and observers.
      picker?.destroy()
      picker = undefined
      return
    }
    const form = findEnrollProfileForm(doc)
    if (!form) return
    // Terms belong to sign-up only; the progressive-profile form is for people who already agreed.
    if (!isProfileUpdate(signIn)) {
      undoConsent =
        applyConsent({ label: form.checkboxLabel(consent.attribute), submitBar: form.submitBar() }, links, texts) ??
        undoConsent
    }
    const input = form.input(department.attribute)
    if (input && !isUpgraded(input)) {
      picker?.destroy()
      picker = createDepartmentPicker(input, source, texts, { required: department.required, anchor: form.fieldBox(input) })
    }
  }
  const onAfterError = (context: unknown, error: unknown) => options.onError?.(toErrorEvent(context, error))

  signIn.on('afterRender', onAfterRender)
  signIn.on('afterError', onAfterError)

  return () => {
    signIn.off?.('afterRender', onAfterRender)
    signIn.off?.('afterError', onAfterError)
    picker?.destroy()
    undoConsent()
    removeStyles()
    // Give the page back its own callbacks, unless it replaced ours in the meantime.
    for (const name of ['preSubmit', 'postSubmit'] as const) {
      if (registration[name] !== hooks[name]) continue
      if (original[name]) registration[name] = original[name] as never
      else delete registration[name]
    }
    if (created && config.registration === registration && Object.keys(registration).length === 0) delete config.registration
  }
}
