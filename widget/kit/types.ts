import type { Policy, ReasonCode } from '../../policy/index.ts'
import type { KitTextOverrides } from './texts.ts'

/** One field error as the widget's registration callbacks take it. */
export interface FieldError {
  property: string
  errorSummary: string
}

export interface RegistrationFailure {
  errorSummary: string
  errorCauses: FieldError[]
}

/** The registration form's data as the widget hands it to preSubmit: `{ userProfile: { … } }`. */
export interface RegistrationData {
  userProfile?: Record<string, unknown>
  [key: string]: unknown
}

export type RegistrationCallback<T> = (
  data: T,
  onSuccess: (data: T) => void,
  onFailure: (error?: RegistrationFailure) => void,
) => void

/** The `registration` block of the widget config (both generations use this shape). */
export interface RegistrationCallbacks {
  parseSchema?: RegistrationCallback<unknown>
  preSubmit?: RegistrationCallback<RegistrationData>
  postSubmit?: RegistrationCallback<unknown>
  [key: string]: unknown
}

/** The part of the widget config the kit reads and composes with; every other entry is left alone. */
export interface WidgetConfig {
  registration?: RegistrationCallbacks
  [key: string]: unknown
}

type Listener = (...args: never[]) => void

/** The part of an `OktaSignIn` instance the kit uses. Nothing here is specific to one widget generation. */
export interface SignInWidget {
  on(event: string, handler: Listener): unknown
  off?(event: string, handler?: Listener): unknown
  /** Present only on the third-generation widget. */
  afterTransform?: unknown
}

/** One problem under one field, with the rule that found it (`UNKNOWN`: a server message the policy does not hold). */
export interface RegistrationProblem {
  /** The profile attribute, e.g. `email`. */
  attribute: string
  /** `REQUIRED`: a required field the policy has no rule for was left blank. */
  reason: ReasonCode | 'REQUIRED' | 'UNKNOWN'
  /** The text the user sees under the field. */
  message: string
}

/** A registration error as the page receives it, whether the kit or the server found it. */
export interface RegistrationErrorEvent {
  formName: string | undefined
  /** `kit`: found in the browser, nothing was sent; `server`: Okta or the registration hook refused. */
  source: 'kit' | 'server'
  errorSummary: string
  problems: RegistrationProblem[]
  /** The widget's own shape of the same errors. */
  errorCauses: Array<{ property: string; errorSummary: string[] }>
}

export interface RegistrationKitOptions {
  /** The registration policy, as the server runs it (the public part: no provider lists). */
  policy: Policy
  /** `GET <url>?q=&limit=` returning `{ results: [{ name }] }`; without it, or when it fails, the policy's directory is searched. */
  departmentsUrl?: string
  /**
   * The kit's own texts per language (`{ en: {…}, fr: {…} }`): your wording, or a language the kit does
   * not ship. The kit follows the language the widget renders.
   */
  texts?: KitTextOverrides
  /** Also check the progressive-profile form (`/idp/idx/enroll/update`). Default: registration only. */
  progressiveProfile?: boolean
  /** How many departments the picker lists at once. Default 8. */
  departmentLimit?: number
  /** CSP nonce for the kit's `<style>`. Default: the widget config's `cspNonce`. */
  styleNonce?: string
  /** Called after the widget accepted the registration (2xx), with the email it sent. */
  onPostSubmit?: (email: string) => void
  /** Called for every error the widget shows on a form: the kit's own checks and the server's. */
  onError?: (event: RegistrationErrorEvent) => void
  /** Called when the server refused the registration (a hook DENY, Okta's own checks), after `onError`. */
  onDenied?: (event: RegistrationErrorEvent) => void
}

export interface RegistrationKitHandle {
  /** Which widget generation the kit found and customized. */
  readonly generation: 'gen2' | 'gen3'
  /** Removes every listener, callback, element and attribute the kit added. Safe to call twice. */
  destroy(): void
  /** Alias of `destroy`. */
  remove(): void
}
