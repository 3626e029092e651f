import { PROFILE_UPDATE_PATH, profileAttribute, profileField } from '../signUpForm.ts'
import { REQUIRED_BY_KIT } from '../validation/registrationHooks.ts'

/**
 * What the kit reads and changes in the third-generation widget (`okta-sign-in.next.js`, Preact + MUI):
 * the form's UI schema in `afterTransform`, and the rendered inputs. Kept in one place because Okta does
 * not promise these shapes or selectors: pin the widget version and re-check them on upgrade.
 */
export interface Gen3Element {
  type: string
  options?: { inputMeta?: { name?: string; required?: boolean; [REQUIRED_BY_KIT]?: boolean }; type?: string; [key: string]: unknown }
  translations?: Array<{ name: string; value: string; i18nKey?: string }>
  [key: string]: unknown
}

export interface Gen3TransformContext {
  formBag?: { uischema?: { elements?: Gen3Element[] } }
  nextStep?: { href?: string }
  idxContext?: { user?: unknown }
}

/** The part of a Gen3 `OktaSignIn` the kit uses beyond what both generations share. */
export interface Gen3SignInWidget {
  afterTransform(formName: string, transform: (context: Gen3TransformContext) => void): void
}

/**
 * True when the transformed form is the progressive-profile form (same name, another remediation). Gen3's
 * `nextStep` has no href in 7.49, so the signed-in user Okta names in that answer tells it apart: a
 * sign-up's answer has no user yet.
 */
export const isProfileUpdate = (context: Gen3TransformContext) =>
  context.nextStep?.href?.endsWith(PROFILE_UPDATE_PATH) === true || context.idxContext?.user !== undefined

const fieldName = (element: Gen3Element) => (element.type === 'Field' ? element.options?.inputMeta?.name : undefined)

/** The profile attributes the form has fields for. */
export function fieldNames(elements: Gen3Element[]): Set<string> {
  return new Set(elements.map((element) => profileAttribute(fieldName(element))).filter((attribute) => attribute !== undefined))
}

/**
 * Shows the fields whose required checks the kit took over as required, to users (no "Optional" marker)
 * and to assistive tech. Gen3 built its own blank checks from the relaxed schema already, before this
 * transform, so they stay off and the submit reaches `preSubmit`.
 */
export function showRequired(elements: Gen3Element[]): void {
  for (const element of elements) {
    const meta = element.options?.inputMeta
    if (meta?.[REQUIRED_BY_KIT]) meta.required = true
  }
}

/** Takes a field off the form; its value still goes out with what `preSubmit` returns. */
export function removeField(elements: Gen3Element[], attribute: string): void {
  const index = elements.findIndex((element) => fieldName(element) === profileField(attribute))
  if (index !== -1) elements.splice(index, 1)
}

/** The language Gen3 renders in: it writes it on its main element. */
export function widgetLanguage(doc: Document): string | undefined {
  return doc.querySelector('#okta-sign-in')?.getAttribute('lang') || undefined
}

/**
 * Puts `html` where the consent sentence goes: as the consent checkbox's label (Gen3 renders labels of
 * checkboxes as sanitized HTML), or, without that field, as a description above the submit button.
 */
export function placeConsent(elements: Gen3Element[], attribute: string, html: { label: string; notice: string }): void {
  const checkbox = elements.find((element) => fieldName(element) === profileField(attribute))
  const label = checkbox?.translations?.find((translation) => translation.name === 'label')
  if (label) {
    label.value = html.label
    return
  }
  const submit = elements.findIndex((element) => element.type === 'Button' && element.options?.type === 'submit')
  if (submit === -1) return
  elements.splice(submit, 0, { type: 'Description', options: { content: html.notice, dataSe: 'rk-consent-notice' } })
}

/** The rendered sign-up form, when one is on the page. */
export function findForm(doc: Document): HTMLFormElement | null {
  return doc.querySelector<HTMLFormElement>('#okta-sign-in form[data-se="o-form"]')
}

export function findInput(form: ParentNode, attribute: string): HTMLInputElement | null {
  // Policy attribute names are letters, digits and underscores: the quoted selector needs no escaping.
  return form.querySelector<HTMLInputElement>(`input[name="${profileField(attribute)}"]`)
}

/**
 * The text of the form's error banner. Its node's value is changed, not the element's children: Preact
 * keeps writing into that node when the next error comes.
 */
export function errorBannerText(doc: Document): Node | null | undefined {
  return doc.querySelector('#okta-sign-in form [role="alert"] .MuiAlert-message .MuiBox-root')?.firstChild
}

/** MUI's bordered input box around the text input: the picker's list goes right after it. */
export const fieldBox = (input: HTMLInputElement): Element => input.parentElement ?? input
