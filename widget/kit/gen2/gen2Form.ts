import { PROFILE_UPDATE_PATH, profileField } from '../signUpForm.ts'

/**
 * Where things are in a rendered Gen2 (`okta-sign-in.min.js`) sign-up form. Kept in one place because
 * Okta does not promise these selectors: pin the widget version and re-check them on upgrade.
 */
export interface Gen2Form {
  readonly form: HTMLFormElement
  input(attribute: string): HTMLInputElement | null
  checkboxLabel(attribute: string): HTMLElement | null
  /** The bordered box Gen2 draws around a text input (a fixed-height span): popups go after it, not inside. */
  fieldBox(input: HTMLInputElement): Element
  /** The wrapper of one field: label, input and error. */
  fieldset(attribute: string): HTMLElement | null
  submitBar(): HTMLElement | null
  /** The text of the form's error banner, once the widget shows one. */
  errorBanner(): HTMLElement | null
}

export function findEnrollProfileForm(doc: Document): Gen2Form | undefined {
  const form = doc.querySelector<HTMLFormElement>('.siw-main-view.enroll-profile form.o-form')
  if (!form) return undefined
  // Policy attribute names are letters, digits and underscores, so the quoted selector needs no escaping;
  // only Gen2's class names (with a dot) would.
  return {
    form,
    input: (attribute) => form.querySelector<HTMLInputElement>(`input[name="${profileField(attribute)}"]`),
    checkboxLabel: (attribute) => {
      const input = form.querySelector<HTMLInputElement>(`input[type="checkbox"][name="${profileField(attribute)}"]`)
      return input ? form.querySelector<HTMLElement>(`label[data-se-for-name="${profileField(attribute)}"]`) : null
    },
    fieldBox: (input) => input.closest('.o-form-control') ?? input,
    fieldset: (attribute) => form.querySelector<HTMLElement>(`[data-se="o-form-fieldset-${profileField(attribute)}"]`),
    submitBar: () => form.querySelector<HTMLElement>('.o-form-button-bar'),
    errorBanner: () => form.querySelector<HTMLElement>('.o-form-error-container .okta-form-infobox-error p'),
  }
}

interface Gen2Internals {
  router?: {
    appState?: { getCurrentViewState?(): { href?: string } | undefined }
    settings?: { get?(name: string): unknown }
  }
}

/** The language Gen2 resolved (from its config or the browser's languages) and renders in. */
export function widgetLanguage(signIn: unknown): string | undefined {
  const code = (signIn as Gen2Internals).router?.settings?.get?.('languageCode')
  return typeof code === 'string' ? code : undefined
}

/**
 * True on the progressive-profile form. Gen2 renders that form under the same name as the sign-up form
 * and tells them apart only by the remediation's href, which it does not expose publicly; when the href
 * cannot be read the form is treated as the sign-up form (the kit then checks it, the safer mistake).
 */
export function isProfileUpdate(signIn: unknown): boolean {
  const href = (signIn as Gen2Internals).router?.appState?.getCurrentViewState?.()?.href
  return typeof href === 'string' && href.endsWith(PROFILE_UPDATE_PATH)
}
