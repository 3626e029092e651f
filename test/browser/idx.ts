/**
 * IDX responses for the real widget, adapted from Okta's own data
 * (`test/fixtures/okta/idx/enroll-profile.json`, `error-new-signup-email.json`): an
 * enroll-profile form with a department text field and a `termsAccepted` checkbox, served by replacing
 * `window.fetch` inside the test page.
 */
const STATE_HANDLE = '02kitStateHandle'

interface Field {
  name: string
  label: string
  required?: boolean
  type?: string
  options?: unknown[]
  messages?: { type: 'array'; value: Array<{ message: string; class: 'ERROR' }> }
}

const checkbox = [{ label: 'display', value: { type: 'object', value: { inputType: 'checkbox' } } }]

export function profileFields(options: { consent?: boolean } = {}): Field[] {
  return [
    { name: 'firstName', label: 'First name', required: true },
    { name: 'lastName', label: 'Last name', required: true },
    { name: 'email', label: 'Email', required: true },
    { name: 'department', label: 'Department', required: true },
    ...(options.consent === false
      ? []
      : [{ name: 'termsAccepted', label: 'I agree to the terms', type: 'boolean', required: true, options: checkbox }]),
  ]
}

function stateHandleField() {
  return { name: 'stateHandle', required: true, value: STATE_HANDLE, visible: false, mutable: false }
}

/**
 * The sign-up form; with `errors`, the same form as Okta returns it with a 400 (messages on fields). With
 * `action: 'update'` it is the progressive-profile form, which Gen2 renders under the same name.
 */
export function enrollProfile(fields: Field[], errors: Record<string, string> = {}, action: 'new' | 'update' = 'new') {
  const origin = location.origin
  return {
    version: '1.0.0',
    stateHandle: STATE_HANDLE,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    intent: 'LOGIN',
    remediation: {
      type: 'array',
      value: [
        {
          rel: ['create-form'],
          name: 'enroll-profile',
          href: `${origin}/idp/idx/enroll/${action}`,
          method: 'POST',
          accepts: 'application/json; okta-version=1.0.0',
          value: [
            {
              name: 'userProfile',
              form: {
                value: fields.map((field) => {
                  const message = errors[field.name]
                  return message ? { ...field, messages: { type: 'array', value: [{ message, class: 'ERROR' }] } } : field
                }),
              },
            },
            stateHandleField(),
          ],
        },
        {
          rel: ['create-form'],
          name: 'select-identify',
          href: `${origin}/idp/idx/identify/select`,
          method: 'POST',
          accepts: 'application/json; okta-version=1.0.0',
          value: [stateHandleField()],
        },
      ],
    },
    cancel: {
      rel: ['create-form'],
      name: 'cancel',
      href: `${origin}/idp/idx/cancel`,
      method: 'POST',
      accepts: 'application/json; okta-version=1.0.0',
      value: [stateHandleField()],
    },
  }
}

/** After an accepted registration: Okta's terminal "check your email" step (`terminal-registration.json`). */
export function registrationAccepted() {
  return {
    version: '1.0.0',
    stateHandle: STATE_HANDLE,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    intent: 'LOGIN',
    messages: {
      type: 'array',
      value: [{ message: 'To finish signing in, check your email.', i18n: { key: 'idx.email.verification.required' }, class: 'INFO' }],
    },
  }
}

export interface SentRequest {
  path: string
  body: Record<string, unknown>
}

export type IdxResponder = (path: string, body: Record<string, unknown>) => { status: number; body: unknown }

/** Answers the widget's IDX calls from `respond` and records what it sent. Returns the undo. */
export function serveIdx(respond: IdxResponder, sent: SentRequest[]): () => void {
  const realFetch = window.fetch
  window.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href)
    if (!url.pathname.startsWith('/idp/idx/')) return realFetch(input, init)
    const body = typeof init?.body === 'string' && init.body !== '' ? (JSON.parse(init.body) as Record<string, unknown>) : {}
    sent.push({ path: url.pathname, body })
    const answer = respond(url.pathname, body)
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } })
  }
  return () => {
    window.fetch = realFetch
  }
}
