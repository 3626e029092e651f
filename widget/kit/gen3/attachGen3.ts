import { consentSentenceHtml } from '../consent/consentSentence.ts'
import { createDepartmentPicker, type DepartmentPicker } from '../departmentPicker/departmentPicker.ts'
import { kitSetup } from '../kitSetup.ts'
import { SIGN_UP_FORM } from '../signUpForm.ts'
import type { RegistrationKitOptions, SignInWidget, WidgetConfig } from '../types.ts'
import type { FormView } from '../validation/profileCheck.ts'
import {
  fieldBox,
  fieldNames,
  findForm,
  findInput,
  isProfileUpdate,
  placeConsent,
  errorBannerText,
  removeField,
  showRequired,
  widgetLanguage,
  type Gen3SignInWidget,
} from './gen3Form.ts'

/**
 * Attaches the kit to a third-generation widget:
 * - consent and the required marks through `afterTransform`, which rebuilds the form's schema on every
 *   render (so the change is made again each time and never piles up);
 * - the registration callbacks in `config.registration`, as on Gen2; Gen3 reports only the server's
 *   errors to `afterError`, and the kit reports its own rejections itself;
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
  const { consent, department, locale } = options.policy
  let active = true
  let profileUpdate = false
  let attributes = new Set<string>()

  // Gen3 offers no way to remove a transform. After destroy() it only keeps the required marks: the fields
  // the kit relaxed stay relaxed in Gen3's state until Okta sends the form anew.
  signIn.afterTransform(SIGN_UP_FORM, (context) => {
    const elements = context.formBag?.uischema?.elements
    if (elements) showRequired(elements)
    if (!active) return
    profileUpdate = isProfileUpdate(context)
    if (!elements) return
    attributes = fieldNames(elements)
    // The kit fills the language field itself (see checkProfile): the user has nothing to type there.
    if (locale.attribute) removeField(elements, locale.attribute)
    // Terms belong to sign-up only; the progressive-profile form is for people who already agreed.
    if (profileUpdate) return
    const texts = kit.texts(widgetLanguage(doc))
    placeConsent(elements, consent.attribute, {
      label: consentSentenceHtml(doc, texts.consentLabel, kit.links, texts),
      notice: consentSentenceHtml(doc, texts.consentNotice, kit.links, texts),
    })
  })

  const currentForm = (): FormView | undefined => {
    if (!findForm(doc) || (profileUpdate && !options.progressiveProfile)) return undefined
    return { mode: profileUpdate ? 'profileUpdate' : 'registration', has: (attribute) => attributes.has(attribute), locale: widgetLanguage(doc) }
  }
  const undoRegistration = kit.chainRegistration(currentForm)

  let picker: { input: HTMLInputElement; picker: DepartmentPicker } | undefined
  const attachPicker = () => {
    const form = findForm(doc)
    const input = form && findInput(form, department.attribute)
    if (input === (picker?.input ?? null)) return
    picker?.picker.destroy()
    picker = input
      ? {
          input,
          picker: createDepartmentPicker(input, kit.source, kit.texts(widgetLanguage(doc)), {
            required: department.required,
            anchor: fieldBox(input),
          }),
        }
      : undefined
  }
  const observer = new MutationObserver(attachPicker)
  observer.observe(doc.body, { childList: true, subtree: true })
  attachPicker()

  const onAfterError = (context: unknown, error: unknown) =>
    kit.reportWidgetError(context, error, widgetLanguage(doc), (summary) => {
      const text = errorBannerText(doc)
      if (text) text.nodeValue = summary
    })
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
