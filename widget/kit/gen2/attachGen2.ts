import { applyConsent } from '../consent/consent.ts'
import { createDepartmentPicker, isUpgraded, type DepartmentPicker } from '../departmentPicker/departmentPicker.ts'
import { AttributeLedger } from '../departmentPicker/attributeLedger.ts'
import { kitSetup } from '../kitSetup.ts'
import { SIGN_UP_FORM } from '../signUpForm.ts'
import type { RegistrationKitOptions, SignInWidget, WidgetConfig } from '../types.ts'
import type { FormView } from '../validation/profileCheck.ts'
import { findEnrollProfileForm, isProfileUpdate, widgetLanguage } from './gen2Form.ts'

// An attribute the kit's stylesheet hides: Gen2's own rules would override `hidden`.
const HIDDEN = 'data-rk-hidden'

/**
 * Attaches the kit to a Gen2 widget: registration callbacks chained into `config.registration` (read by
 * the widget at `renderEl`), DOM upgrades from `afterRender` (Gen2 `after` hooks run before the first form
 * exists), errors from `afterError`, where Gen2 reports the kit's rejections and the server's. Returns the undo.
 */
export function attachGen2(signIn: SignInWidget, config: WidgetConfig, options: RegistrationKitOptions): () => void {
  const doc = document
  const kit = kitSetup(config, options)
  const { consent, department, locale } = options.policy
  const hidden = new AttributeLedger()
  let undoConsent = () => {}
  let picker: DepartmentPicker | undefined

  const currentForm = (): FormView | undefined => {
    const form = findEnrollProfileForm(doc)
    if (!form) return undefined
    const update = isProfileUpdate(signIn)
    if (update && !options.progressiveProfile) return undefined
    return { mode: update ? 'profileUpdate' : 'registration', has: (attribute) => form.input(attribute) !== null, locale: widgetLanguage(signIn) }
  }
  const undoRegistration = kit.chainRegistration(currentForm)

  const onAfterRender = (context: { formName?: string } | undefined) => {
    if (context?.formName !== SIGN_UP_FORM) {
      // The previous form's DOM is gone; drop its timers and observers.
      picker?.destroy()
      picker = undefined
      return
    }
    const form = findEnrollProfileForm(doc)
    if (!form) return
    const texts = kit.texts(widgetLanguage(signIn))
    // Terms belong to sign-up only; the progressive-profile form is for people who already agreed.
    if (!isProfileUpdate(signIn)) {
      undoConsent =
        applyConsent({ label: form.checkboxLabel(consent.attribute), submitBar: form.submitBar() }, kit.links, texts) ?? undoConsent
    }
    // The kit fills the language field itself: the user has nothing to type there.
    const localeField = locale.attribute ? form.fieldset(locale.attribute) : null
    if (localeField) hidden.set(localeField, HIDDEN, '')
    const input = form.input(department.attribute)
    if (input && !isUpgraded(input)) {
      picker?.destroy()
      picker = createDepartmentPicker(input, kit.source, texts, { required: department.required, anchor: form.fieldBox(input) })
    }
  }
  const onAfterError = (context: unknown, error: unknown) =>
    kit.reportWidgetError(context, error, widgetLanguage(signIn), (summary) => {
      const banner = findEnrollProfileForm(doc)?.errorBanner()
      if (banner) banner.textContent = summary
    })

  signIn.on('afterRender', onAfterRender)
  signIn.on('afterError', onAfterError)

  return () => {
    signIn.off?.('afterRender', onAfterRender)
    signIn.off?.('afterError', onAfterError)
    picker?.destroy()
    undoConsent()
    hidden.restore()
    kit.removeStyles()
    undoRegistration()
  }
}
