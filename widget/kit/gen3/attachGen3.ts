import { consentSentenceHtml } from '../consent/consentSentence.ts'
import { createDepartmentPicker, type DepartmentPicker } from '../departmentPicker/departmentPicker.ts'
import { rejectionEvent, toErrorEvent } from '../errorEvent.ts'
import { kitSetup } from '../kitSetup.ts'
import type { RegistrationKitOptions, SignInWidget, WidgetConfig } from '../types.ts'
import type { FormFields } from '../validation/profileCheck.ts'
import { fieldBox, findForm, findInput, isProfileUpdate, placeConsent, type Gen3SignInWidget } from './gen3Form.ts'

const SIGN_UP_FORM = 'enroll-profile'

/**
 * Attaches the kit to a third-generation widget:
 * - consent through `afterTransform`, which rebuilds the form's schema on every render (so the change is
 *   made again each time and never piles up);
 * - the registration callbacks in `config.registration`, as on Gen2; Gen3 reports only the server's
 *   errors to `afterError`, so the kit reports its own rejections itself;
 * - the picker on the rendered input: Gen3's render events fire before Preact commits the new form, so a
 *   MutationObserver attaches it when the department input appears, and again when the form is mounted anew.
 * Returns the undo.
 */
export function attachGen3(
  signIn: SignInWidget & Gen3SignInWidget,
  config: WidgetConfig,
  options: RegistrationKitOptions,
): () => void {
  const doc = document
  const kit = kitSetup(config, options)
  const { consent, department } = options.policy
  const consentHtml = {
    label: consentSentenceHtml(kit.texts.consentLabel, kit.links, kit.texts),
    notice: consentSentenceHtml(kit.texts.consentNotice, kit.links, kit.texts),
  }
  let active = true
  let profileUpdate = false

  // Gen3 offers no way to remove a transform: after destroy() it does nothing, and the next render is Okta's own.
  signIn.afterTransform(SIGN_UP_FORM, (context) => {
    if (!active) return
    profileUpdate = isProfileUpdate(context)
    // Terms belong to sign-up only; the progressive-profile form is for people who already agreed.
    const elements = context.formBag?.uischema?.elements
    if (!profileUpdate && elements) placeConsent(elements, consent.attribute, consentHtml)
  })

  const currentForm = (): FormFields | undefined => {
    const form = findForm(doc)
    if (!form || (profileUpdate && !options.progressiveProfile)) return undefined
    return { mode: profileUpdate ? 'profileUpdate' : 'registration', has: (attribute) => findInput(form, attribute) !== null }
  }
  const undoRegistration = kit.chainRegistration(currentForm, (failure) => options.onError?.(rejectionEvent(SIGN_UP_FORM, failure)))

  let picker: { input: HTMLInputElement; picker: DepartmentPicker } | undefined
  const attachPicker = () => {
    const form = findForm(doc)
    const input = form && findInput(form, department.attribute)
    if (input === (picker?.input ?? null)) return
    picker?.picker.destroy()
    picker = input
      ? { input, picker: createDepartmentPicker(input, kit.source, kit.texts, { required: department.required, anchor: fieldBox(input) }) }
      : undefined
  }
  const observer = new MutationObserver(attachPicker)
  observer.observe(doc.body, { childList: true, subtree: true })
  attachPicker()

  const onAfterError = (context: unknown, error: unknown) => options.onError?.(toErrorEvent(context, error))
  signIn.on('afterError', onAfterError)

  return () => {
    active = false
    signIn.off?.('afterError', onAfterError)
    observer.disconnect()
    picker?.picker.destroy()
    kit.removeStyles()
    undoRegistration()
  }
}
