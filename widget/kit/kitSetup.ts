import { compilePolicy, type RegistrationPolicy } from '../../policy/index.ts'
import type { ConsentLinks } from './consent/consentSentence.ts'
import { safeLinkUrl } from './consent/links.ts'
import { inlineSource, remoteSource, type DepartmentSource } from './departmentPicker/departmentSource.ts'
import { messageExplainer, rejectionEvent, serverErrorEvent } from './errorEvent.ts'
import { SIGN_UP_FORM } from './signUpForm.ts'
import { injectStyles } from './styles.ts'
import { resolveTexts, type LocalizedTexts } from './texts.ts'
import type { RegistrationErrorEvent, RegistrationKitOptions, WidgetConfig } from './types.ts'
import type { FormFields, FormView, ProfileCheck } from './validation/profileCheck.ts'
import { CHAINED_CALLBACKS, registrationHooks, type RegistrationHooksOptions } from './validation/registrationHooks.ts'

/** What both widget generations' adapters build the same way from the kit's options. */
export interface KitSetup {
  policy: RegistrationPolicy
  links: ConsentLinks
  source: DepartmentSource
  /** The kit's texts in the widget's language. */
  texts(language: string | undefined): LocalizedTexts
  /**
   * Chains the kit's `preSubmit`/`postSubmit` into `config.registration`, which the widget reads at
   * `renderEl`, and reports the kit's own rejections to the page. Returns the undo.
   */
  chainRegistration(currentForm: () => FormView | undefined): () => void
  /**
   * Reports what the widget's `afterError` saw: the server's refusal (`onError`, then `onDenied`). Gen2
   * also passes the kit's own rejections through `afterError`; those were reported already. Then, for
   * field errors on the sign-up form, `showSummary` puts the policy's summary in the user's language
   * where the widget wrote its generic "We found some errors" (once the widget has rendered it).
   */
  reportWidgetError(context: unknown, error: unknown, language: string | undefined, showSummary: (summary: string) => void): void
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
  const explain = messageExplainer(policy)
  const localized = new Map<string | undefined, LocalizedTexts>()
  const texts = (language: string | undefined) => {
    let found = localized.get(language)
    if (!found) localized.set(language, (found = resolveTexts(language, options.texts)))
    return found
  }
  let lastRejection: Extract<ProfileCheck, { ok: false }> | undefined

  const onChecked = (check: ProfileCheck) => {
    lastRejection = check.ok ? undefined : check
    if (!check.ok) options.onError?.(rejectionEvent(SIGN_UP_FORM, check.failure, check.issues))
  }
  // Gen2 hands the kit's failure back as it was given: the same messages, in the same order.
  const isLastRejection = (event: RegistrationErrorEvent) =>
    lastRejection?.issues.map((issue) => issue.message).join('\n') === event.problems.map((problem) => problem.message).join('\n')

  return {
    policy,
    links: {
      termsUrl: safeLinkUrl(consent.termsUrl, doc.baseURI),
      privacyUrl: safeLinkUrl(consent.privacyUrl, doc.baseURI),
    },
    source: options.departmentsUrl ? remoteSource(options.departmentsUrl, limit, inline) : inline,
    texts,
    chainRegistration(currentForm) {
      const withTexts = (): FormFields | undefined => {
        const form = currentForm()
        return form && { ...form, blankMessage: texts(form.locale).fieldRequired }
      }
      return chainRegistration(config, { policy, currentForm: withTexts, onChecked, onPostSubmit: options.onPostSubmit })
    },
    reportWidgetError(context, error, language, showSummary) {
      const event = serverErrorEvent(context, error, explain)
      if (event.formName !== SIGN_UP_FORM) {
        options.onError?.(event)
        return
      }
      if (isLastRejection(event)) lastRejection = undefined
      else {
        options.onError?.(event)
        options.onDenied?.(event)
        // A form-wide error (the hook unreachable) keeps the widget's own words.
        if (event.problems.length === 0) return
      }
      requestAnimationFrame(() => showSummary(policy.messages(language).summary))
    },
    removeStyles: injectStyles(doc, nonce),
  }
}

function chainRegistration(config: WidgetConfig, options: RegistrationHooksOptions): () => void {
  const created = config.registration === undefined
  const registration = (config.registration ??= {})
  const original = { parseSchema: registration.parseSchema, preSubmit: registration.preSubmit, postSubmit: registration.postSubmit }
  const hooks = registrationHooks(original, options)
  Object.assign(registration, hooks)
  return () => {
    // Give the page back its own callbacks, unless it replaced ours in the meantime.
    for (const name of CHAINED_CALLBACKS) {
      if (registration[name] !== hooks[name]) continue
      if (original[name]) registration[name] = original[name] as never
      else delete registration[name]
    }
    if (created && config.registration === registration && Object.keys(registration).length === 0) delete config.registration
  }
}
