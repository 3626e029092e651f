import type { RegistrationPolicy } from '../../../policy/index.ts'
import type { RegistrationCallbacks, RegistrationData, RegistrationFailure } from '../types.ts'
import { checkProfile, type FormFields } from './profileCheck.ts'

export interface RegistrationHooksOptions {
  policy: RegistrationPolicy
  /** The form being submitted, or `undefined` when the kit should not check it (e.g. progressive profile). */
  currentForm(): FormFields | undefined
  onPostSubmit?: (email: string) => void
  /** Hears the kit's own rejections (the widget reports only the server's on some generations). */
  onRejected?: (failure: RegistrationFailure) => void
}

/**
 * The kit's `preSubmit` and `postSubmit`, chained in front of the page's own: the page's preSubmit sees the
 * checked, trimmed data and keeps the last word; the page's postSubmit still runs after the analytics call.
 */
export function registrationHooks(
  existing: RegistrationCallbacks,
  options: RegistrationHooksOptions,
): Required<Pick<RegistrationCallbacks, 'preSubmit' | 'postSubmit'>> {
  const { preSubmit: pagePreSubmit, postSubmit: pagePostSubmit } = existing
  return {
    preSubmit(data: RegistrationData, onSuccess, onFailure) {
      const form = options.currentForm()
      const checked = form ? checkProfile(data, options.policy, form) : { ok: true as const, data }
      if (!checked.ok) {
        options.onRejected?.(checked.failure)
        onFailure(checked.failure)
        return
      }
      if (pagePreSubmit) pagePreSubmit(checked.data, onSuccess, onFailure)
      else onSuccess(checked.data)
    },
    postSubmit(response, onSuccess, onFailure) {
      if (typeof response === 'string') options.onPostSubmit?.(response)
      if (pagePostSubmit) pagePostSubmit(response, onSuccess, onFailure)
      else onSuccess(response)
    },
  }
}
