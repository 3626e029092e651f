import { screen } from '@testing-library/dom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Gen3Element, Gen3TransformContext } from '../../widget/kit/gen3/gen3Form.ts'
import { registrationKit, type RegistrationKitHandle, type WidgetConfig } from '../../widget/kit/index.ts'
import { policy } from './fixtures.ts'

type Handler = (...args: never[]) => void

/** The surface of a Gen3 `OktaSignIn` the kit uses, with a way to run its transforms and events. */
function fakeGen3() {
  const handlers = new Map<string, Set<Handler>>()
  const transforms: Array<[string, (context: Gen3TransformContext) => void]> = []
  return {
    on: (event: string, handler: Handler) => void (handlers.get(event) ?? handlers.set(event, new Set()).get(event)!).add(handler),
    off: (event: string, handler: Handler) => void handlers.get(event)?.delete(handler),
    afterTransform: (formName: string, transform: (context: Gen3TransformContext) => void) => void transforms.push([formName, transform]),
    emit: (event: string, ...args: unknown[]) => handlers.get(event)?.forEach((handler) => (handler as (...a: unknown[]) => void)(...args)),
    count: (event: string) => handlers.get(event)?.size ?? 0,
    /** Runs the transforms for a freshly built enroll-profile schema, as Gen3 does on every render. */
    transform(elements: Gen3Element[], href = 'http://localhost/idp/idx/enroll/new', user?: object) {
      for (const [formName, transform] of transforms) {
        if (formName === 'enroll-profile') transform({ formBag: { uischema: { elements } }, nextStep: { href }, idxContext: { user } })
      }
      return elements
    },
  }
}

const field = (name: string, label: string): Gen3Element => ({
  type: 'Field',
  options: { inputMeta: { name: `userProfile.${name}` } },
  translations: [{ name: 'label', value: label }],
})
const signUpSchema = (consent = true): Gen3Element[] => [
  { type: 'Title', options: { content: 'Sign up' } },
  field('firstName', 'First name'),
  field('department', 'Department'),
  ...(consent ? [field('termsAccepted', 'I agree to the Terms of Service and Privacy Policy')] : []),
  { type: 'Button', options: { type: 'submit' }, label: 'Sign Up' },
]
const labelOf = (elements: Gen3Element[], name: string) =>
  elements.find((element) => element.options?.inputMeta?.name === `userProfile.${name}`)?.translations?.[0]?.value

/** The markup Gen3 renders for the department field, reduced to what the kit touches. */
function renderGen3Form() {
  document.body.innerHTML = `<main id="okta-sign-in"><form data-se="o-form">
    <div><label for="userProfile.department" id="userProfile.department-label">Department</label>
    <div><input id="userProfile.department" name="userProfile.department" type="text"></div></div>
    <input type="checkbox" name="userProfile.termsAccepted"><button type="submit">Sign Up</button></form></main>`
}

let handle: RegistrationKitHandle | undefined
afterEach(() => {
  handle?.destroy()
  handle = undefined
  document.head.replaceChildren()
  document.body.replaceChildren()
})

describe('registrationKit on the third-generation widget', () => {
  it('recognises Gen3 and writes the consent label as escaped HTML with both links, on every render', () => {
    const signIn = fakeGen3()
    const texts = { en: { termsLink: 'Terms <b>& "conditions"</b>' } }
    handle = registrationKit(signIn, {}, { policy, texts })
    expect(handle.generation).toBe('gen3')
    for (let render = 0; render < 2; render++) {
      const label = labelOf(signIn.transform(signUpSchema()), 'termsAccepted')!
      const holder = document.createElement('div')
      holder.innerHTML = label
      const links = [...holder.querySelectorAll('a')]
      expect(links.map((link) => [link.getAttribute('href'), link.target, link.rel])).toEqual([
        [`${location.origin}/legal/terms`, '_blank', 'noopener noreferrer'],
        [`${location.origin}/legal/privacy`, '_blank', 'noopener noreferrer'],
      ])
      expect(links[0]!.textContent).toBe('Terms <b>& "conditions"</b> (opens in a new tab)')
      expect(holder.querySelector('b')).toBeNull()
      expect(holder.textContent).toMatch(/^I agree to the Terms .* and Privacy Policy \(opens in a new tab\)$/)
    }
  })

  it('puts the consent sentence above the submit button when the form has no consent checkbox', () => {
    const signIn = fakeGen3()
    handle = registrationKit(signIn, {}, { policy })
    const elements = signIn.transform(signUpSchema(false))
    expect(elements.map((element) => element.type)).toEqual(['Title', 'Field', 'Field', 'Description', 'Button'])
    expect(String(elements[3]!.options?.content)).toMatch(/^By signing up you agree to the <a href=/)
  })

  it('leaves the progressive-profile form without consent links', () => {
    const signIn = fakeGen3()
    handle = registrationKit(signIn, {}, { policy })
    const elements = signIn.transform(signUpSchema(), 'http://localhost/idp/idx/enroll/update')
    expect(labelOf(elements, 'termsAccepted')).toBe('I agree to the Terms of Service and Privacy Policy')
    // Gen3 7.49 gives no href: the signed-in user in Okta's answer tells the progressive form apart.
    const noHref = signIn.transform(signUpSchema(false), '', { type: 'object', value: { id: '00u1' } })
    expect(noHref.map((element) => element.type)).not.toContain('Description')
  })

  it('reports its own rejections for analytics, since Gen3 sends no afterError for them', () => {
    const onError = vi.fn()
    const signIn = fakeGen3()
    const config: WidgetConfig = {}
    handle = registrationKit(signIn, config, { policy, onError })
    signIn.transform(signUpSchema())
    renderGen3Form()
    const onFailure = vi.fn()
    config.registration!.preSubmit!({ userProfile: { department: 'Finance', termsAccepted: false }, step: 'enroll-profile' }, vi.fn(), onFailure)
    const cause = { property: 'userProfile.termsAccepted', errorSummary: policy.messages.en!.termsNotAccepted }
    expect(onFailure).toHaveBeenCalledWith({ errorSummary: policy.messages.en!.summary, errorCauses: [cause] })
    expect(onError).toHaveBeenCalledWith({
      formName: 'enroll-profile',
      source: 'kit',
      errorSummary: policy.messages.en!.summary,
      problems: [{ attribute: 'termsAccepted', reason: 'TERMS_NOT_ACCEPTED', message: cause.errorSummary }],
      errorCauses: [{ ...cause, errorSummary: [cause.errorSummary] }],
    })
  })

  it('takes the required checks over, shows the fields as required, and still knows them when Gen3 hands the relaxed schema back', () => {
    const signIn = fakeGen3()
    const config: WidgetConfig = {}
    handle = registrationKit(signIn, config, { policy })
    const schema = [
      { name: 'userProfile.firstName', required: true },
      { name: 'userProfile.costCenter', required: true },
      { name: 'userProfile.nickname', required: false },
    ]
    // Gen3 writes what parseSchema returns into its transaction and passes that in after a rejected submit.
    let kept: unknown = schema
    for (let render = 0; render < 2; render++) config.registration!.parseSchema!(kept, (parsed) => (kept = parsed), vi.fn())
    const relaxed = kept as typeof schema
    expect(relaxed.map(({ required }) => required)).toEqual([false, false, false])
    const elements = signIn.transform(
      relaxed.map((input) => ({ type: 'Field', options: { inputMeta: { ...input } }, translations: [{ name: 'label', value: input.name }] })),
    )
    expect(elements.map((element) => element.options?.inputMeta?.required)).toEqual([true, true, false])
    renderGen3Form()
    const onFailure = vi.fn()
    config.registration!.preSubmit!({ userProfile: { firstName: 'Ada', nickname: '' }, step: 'enroll-profile' }, vi.fn(), onFailure)
    expect(onFailure.mock.calls[0]![0].errorCauses).toEqual([{ property: 'userProfile.costCenter', errorSummary: 'This field cannot be left blank' }])
  })

  it('upgrades the department input when Gen3 mounts it, and the new one when it mounts the form again', async () => {
    handle = registrationKit(fakeGen3(), {}, { policy })
    renderGen3Form()
    await vi.waitFor(() => expect(screen.getByRole('combobox', { name: 'Department' })).toBeTruthy())
    const first = screen.getByRole('combobox')
    renderGen3Form()
    await vi.waitFor(() => expect(screen.getByRole('combobox')).not.toBe(first))
    expect(document.querySelectorAll('[role="listbox"]')).toHaveLength(1)
  })

  it('removes its callbacks, listeners, picker and styles on destroy, and transforms nothing after', async () => {
    const signIn = fakeGen3()
    const config: WidgetConfig = { features: { registration: true } }
    handle = registrationKit(signIn, config, { policy })
    renderGen3Form()
    await vi.waitFor(() => expect(screen.getByRole('combobox')).toBeTruthy())
    handle.destroy()
    expect(config).toEqual({ features: { registration: true } })
    expect(signIn.count('afterError')).toBe(0)
    expect(screen.queryByRole('combobox')).toBeNull()
    expect(document.querySelector('[role="listbox"], style')).toBeNull()
    expect(labelOf(signIn.transform(signUpSchema()), 'termsAccepted')).toBe('I agree to the Terms of Service and Privacy Policy')
    renderGen3Form()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(screen.queryByRole('combobox')).toBeNull()
  })
})
