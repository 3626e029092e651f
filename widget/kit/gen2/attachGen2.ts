import { applyConsent } from '../consent/consent.ts'
import { createDepartmentPicker, isUpgraded, type DepartmentPicker } from '../departmentPicker/departmentPicker.ts'
import { toErrorEvent } from '../errorEvent.ts'
import { kitSetup } from '../kitSetup.ts'
import type { RegistrationKitOptions, SignInWidget, WidgetConfig } from '../types.ts'
import type { FormFields } from '../validation/profileCheck.ts'
import { findEnrollProfileForm, isProfileUpdate } from './gen2Form.ts'

const SIGN_UP_FORM = 'enroll-profile'

/**
 * Attaches the kit to a Gen2 widget: registration callbacks chained into `config.registration` (read by
 * the widget at `renderEl`), DOM upgrades from `afterRender` (Gen2 `after` hooks run before the first form
 * exists), analytics from `afterError` (Gen2 reports the kit's rejections there too). Returns the undo.
 */
export function attachGen2(signIn: SignInWidget, config: WidgetConfig, options: RegistrationKitOptions): () => void {
  const doc = document
  const kit = kitSetup(config, options)
  const { consent, department } = options.policy
  let undoConsent = () => {}
  let picker: DepartmentPicker | undefined

  const currentForm = (): FormFields | undefined => {
    const form = findEnrollProfileForm(doc)
    if (!form) return undefined
    const update = isProfileUpdate(signIn)
    if (update && !options.progressiveProfile) return undefined
    return { mode: update ? 'profileUpdate' : 'registration', has: (attribute) => form.input(attribute) !== null }
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
    // Terms belong to sign-up only; the progressive-profile form is for people who already agreed.
    if (!isProfileUpdate(signIn)) {
      undoConsent =
        applyConsent({ label: form.checkboxLabel(consent.attribute), submitBar: form.submitBar() }, kit.links, kit.texts) ??
        undoConsent
    }
    const input = form.input(department.attribute)
    if (input && !isUpgraded(input)) {
      picker?.destroy()
      picker = createDepartmentPicker(input, kit.source, kit.texts, { required: department.required, anchor: form.fieldBox(input) })
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
    kit.removeStyles()
    undoRegistration()
  }
}
