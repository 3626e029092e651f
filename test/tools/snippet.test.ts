// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { snippet } from '../../tools/snippet.ts'
import { readPolicyFile } from '../../server/config/policyFile.ts'
import { defaultPolicy } from '../helpers/policy.ts'
import { writePolicyFile } from '../helpers/server.ts'
import type { WidgetConfig } from '../../widget/kit/index.ts'

type Handler = (...args: never[]) => void

/** Stands in for the widget bundle that `{{{SignInWidgetResources}}}` loads before the snippet. */
class FakeOktaSignIn {
  static instances: FakeOktaSignIn[] = []
  readonly events: string[] = []
  readonly handlers = new Map<string, Handler>()
  constructor(readonly config: WidgetConfig) {
    FakeOktaSignIn.instances.push(this)
  }
  on(event: string, handler: Handler) {
    this.events.push(event)
    this.handlers.set(event, handler)
  }
  emit(event: string, ...args: unknown[]) {
    ;(this.handlers.get(event) as ((...a: unknown[]) => void) | undefined)?.(...args)
  }
  renderEl() {}
}

/**
 * Runs the pasted block the way the hosted page does: an inline script with the page's nonce, in global
 * scope, with `document.currentScript` pointing at it while it runs. (jsdom would run a real <script> in a
 * separate global, out of the test's reach.)
 */
function paste(block: string, nonce: string) {
  const [, code] = /^<script nonce="\{\{nonceValue\}\}">\n([\s\S]*)\n<\/script>$/.exec(block)!
  const script = document.createElement('script')
  script.nonce = nonce
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true })
  try {
    ;(0, eval)(code!)
  } finally {
    delete (document as { currentScript?: unknown }).currentScript
  }
}

afterEach(() => {
  document.head.replaceChildren()
  document.body.replaceChildren()
  FakeOktaSignIn.instances = []
  delete (window as { OktaSignIn?: unknown }).OktaSignIn
  delete (window as { RegistrationKit?: unknown }).RegistrationKit
})

describe('the code-editor snippet', () => {
  it('attaches the kit to the widget the hosted template creates, with the page nonce on its styles', async () => {
    const block = await snippet({ CONSENT_LINK_BASE: 'https://kit.example.com', DEPARTMENTS_URL: 'https://kit.example.com/api/departments' })
    ;(window as { OktaSignIn?: unknown }).OktaSignIn = FakeOktaSignIn
    paste(block, 'page-nonce')
    // The template's own lines, unchanged:
    const config: WidgetConfig = { features: { registration: true } }
    const OktaSignIn = (window as unknown as { OktaSignIn: new (config: WidgetConfig) => FakeOktaSignIn }).OktaSignIn
    const oktaSignIn = new OktaSignIn(config)
    expect(oktaSignIn).toBeInstanceOf(FakeOktaSignIn)
    expect(oktaSignIn.events).toEqual(['afterRender', 'afterError'])
    expect(config.registration?.preSubmit).toBeTypeOf('function')
    expect(config.features).toEqual({ registration: true })
    expect(document.head.querySelector<HTMLStyleElement>('style[data-rk-styles]')?.nonce).toBe('page-nonce')
  }, 30_000)

  it('carries the kit’s translations as data, and the kit shows a French page its French sentence', async () => {
    const block = await snippet({ CONSENT_LINK_BASE: 'https://kit.example.com' })
    expect(block).toContain('"consentLabel": "J’accepte les {terms} et la {privacy}"')
    ;(window as { OktaSignIn?: unknown }).OktaSignIn = FakeOktaSignIn
    paste(block, 'page-nonce')
    const OktaSignIn = (window as unknown as { OktaSignIn: new (config: WidgetConfig) => FakeOktaSignIn }).OktaSignIn
    const config: WidgetConfig = {}
    new OktaSignIn(config)
    // A Gen2 sign-up form rendered in French, reduced to what the kit touches.
    document.body.innerHTML = `<div class="siw-main-view enroll-profile"><form class="o-form">
      <input type="checkbox" id="t" name="userProfile.termsAccepted"><label for="t" data-se-for-name="userProfile.termsAccepted">x</label>
      <div class="o-form-button-bar"></div></form></div>`
    const instance = FakeOktaSignIn.instances[0]!
    Object.assign(instance, { router: { settings: { get: () => 'fr' } } })
    instance.emit('afterRender', { formName: 'enroll-profile' })
    expect(document.querySelector('label')!.textContent).toMatch(/^J’accepte les Conditions d’utilisation/)
  }, 30_000)

  it('inlines options that cannot close the script element', async () => {
    const file = writePolicyFile({ ...defaultPolicy, messages: { summary: 'Fix the fields.</script><script>alert(1)</script>' } })
    const block = await snippet({ POLICY_FILE: file, CONSENT_LINK_BASE: 'https://kit.example.com' })
    expect(block.match(/<\/script>/g)).toHaveLength(1)
    expect(block).toContain('"summary": "Fix the fields.\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"')
  }, 30_000)

  it('leaves no Mustache tag for Okta to expand but the nonce', async () => {
    const block = await snippet({ CONSENT_LINK_BASE: 'https://kit.example.com' })
    expect(block.match(/\{\{/g)).toEqual(['{{'])
    expect(block.startsWith('<script nonce="{{nonceValue}}">')).toBe(true)
  }, 30_000)

  it('refuses a policy file that does not validate with the problems the server gives at boot', async () => {
    const file = writePolicyFile({ ...defaultPolicy, email: { allowedDomains: ['exa mple.com'] } })
    const problem = `${file}: email.allowedDomains[0]: "exa mple.com" is not a valid domain name`
    expect(readPolicyFile(file)).toEqual({ ok: false, problems: [problem] })
    await expect(snippet({ POLICY_FILE: file })).rejects.toThrow(problem)
  })

  it('uses the shipped policy when POLICY_FILE is empty, as the server does', async () => {
    const block = await snippet({ POLICY_FILE: '  ', CONSENT_LINK_BASE: 'https://kit.example.com' })
    expect(block).toContain(`Policy ${defaultPolicy.consent.version}`)
  }, 30_000)
})
