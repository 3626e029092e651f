import { vi } from 'vitest'
import type { WidgetGeneration } from '../../server/page/widgetBundle.ts'
import { policy } from '../widget/fixtures.ts'
import { registrationKit, type RegistrationKitOptions, type WidgetConfig } from '../../widget/kit/index.ts'
import { enrollProfile, profileFields, registrationAccepted, serveIdx, type IdxResponder, type SentRequest } from './idx.ts'
import { loadWidget, rendered, type OktaSignInConstructor, type OktaSignInInstance } from './widget.ts'

export interface SignUpPage {
  signIn: OktaSignInInstance
  config: WidgetConfig
  sent: SentRequest[]
  /** Requests that would have created an account. */
  registrations(): SentRequest[]
  close(): void
}

/**
 * The real Gen2 widget on the sign-up form with the kit applied, the way the embedded page does it:
 * `new OktaSignIn(config)`, then the kit, then `renderEl`.
 */
export async function openSignUp(
  options: {
    consent?: boolean
    respond?: IdxResponder
    kit?: Partial<RegistrationKitOptions>
    generation?: WidgetGeneration
    /** How the kit is attached; default: the embedded page's explicit call. */
    attach?: (OktaSignIn: OktaSignInConstructor, config: WidgetConfig) => { signIn: OktaSignInInstance; destroy(): void }
  } = {},
): Promise<SignUpPage> {
  const OktaSignIn = await loadWidget(options.generation)
  sessionStorage.clear()
  // The widget renders its own <main> landmark.
  document.body.innerHTML = '<div id="root"></div>'
  const fields = profileFields({ consent: options.consent })
  const sent: SentRequest[] = []
  const stopServing = serveIdx(
    options.respond ??
      ((path) => (path === '/idp/idx/enroll/new' ? { status: 200, body: registrationAccepted() } : { status: 200, body: enrollProfile(fields) })),
    sent,
  )
  const config: WidgetConfig = { baseUrl: location.origin, stateToken: 'state-token', language: 'en' }
  const { signIn, destroy } = (options.attach ?? embedded(options.kit))(OktaSignIn, config)
  const ready = rendered(signIn, 'enroll-profile')
  void signIn.renderEl({ el: '#root' })
  await ready
  // Gen2 focuses the first field a moment after it renders, Gen3 the form's heading once Preact has
  // committed the form; a test that starts typing before then would see its keys land elsewhere.
  await vi.waitFor(() => {
    const active = document.activeElement
    if (!(active instanceof HTMLInputElement || active instanceof HTMLHeadingElement)) throw new Error('the widget has not placed the focus yet')
  })
  return {
    signIn,
    config,
    sent,
    registrations: () => sent.filter((request) => request.path === '/idp/idx/enroll/new'),
    close() {
      destroy()
      signIn.remove()
      stopServing()
    },
  }
}

function embedded(kit: Partial<RegistrationKitOptions> = {}) {
  return (OktaSignIn: OktaSignInConstructor, config: WidgetConfig) => {
    const signIn = new OktaSignIn(config)
    const handle = registrationKit(signIn, config, { policy, ...kit })
    return { signIn, destroy: handle.destroy }
  }
}

/** The error text the widget shows under a profile field, if any. */
export function fieldError(attribute: string): string | undefined {
  // Gen2's error paragraph, or Gen3's `<id>-error` (which starts with a visually hidden "Error:").
  const gen2 = document.querySelector(`[data-se="o-form-fieldset-userProfile.${attribute}"] .o-form-input-error`)
  const gen3 = document.getElementById(`userProfile.${attribute}-error`)
  return (gen2 ?? gen3)?.textContent?.replace(/^Error:/, '').trim()
}
