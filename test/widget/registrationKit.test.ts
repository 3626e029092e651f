import { screen } from '@testing-library/dom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { registrationKit, type RegistrationData, type RegistrationKitHandle, type WidgetConfig } from '../../widget/kit/index.ts'
import { policy } from './fixtures.ts'

type Handler = (...args: never[]) => void

/** The event surface of a Gen2 `OktaSignIn`, plus a way to fire its events as the widget would. */
function fakeSignIn() {
  const handlers = new Map<string, Set<Handler>>()
  return {
    on: (event: string, handler: Handler) => void (handlers.get(event) ?? handlers.set(event, new Set()).get(event)!).add(handler),
    off: (event: string, handler: Handler) => void handlers.get(event)?.delete(handler),
    emit: (event: string, ...args: unknown[]) => handlers.get(event)?.forEach((handler) => (handler as (...a: unknown[]) => void)(...args)),
    count: (event: string) => handlers.get(event)?.size ?? 0,
  }
}

/** The markup Gen2 renders for an enroll-profile form, reduced to what the kit touches. */
function renderSignUpForm() {
  document.body.innerHTML = `<div id="okta-sign-in"><div class="siw-main-view enroll-profile registration">
    <form class="o-form" data-se="o-form">
      <label for="dep">Department</label><span><input id="dep" type="text" name="userProfile.department"></span>
      <input type="checkbox" id="terms" name="userProfile.termsAccepted"><label for="terms" data-se-for-name="userProfile.termsAccepted">Terms</label>
      <div class="o-form-button-bar"><input type="submit" value="Sign Up"></div>
    </form></div></div>`
}

let handle: RegistrationKitHandle | undefined
afterEach(() => {
  handle?.destroy()
  handle = undefined
  document.head.replaceChildren()
})

describe('registrationKit', () => {
  it('chains the page preSubmit after its own check and keeps every other config entry', () => {
    const pagePreSubmit = vi.fn((data: RegistrationData, onSuccess: (d: RegistrationData) => void) => onSuccess(data))
    const features = { registration: true }
    const config: WidgetConfig = { features, registration: { preSubmit: pagePreSubmit, parseSchema: vi.fn() }, i18n: { en: {} } }
    handle = registrationKit(fakeSignIn(), config, { policy })
    expect(config.features).toBe(features)
    expect(config.registration?.parseSchema).toBeTypeOf('function')
    renderSignUpForm()
    const onSuccess = vi.fn()
    config.registration!.preSubmit!({ userProfile: { department: ' legal ', termsAccepted: true } }, onSuccess, vi.fn())
    expect(pagePreSubmit).toHaveBeenCalledWith({ userProfile: { department: 'Legal', termsAccepted: true } }, onSuccess, expect.any(Function))
  })

  it('fails the submit with field errors and never calls the page preSubmit when the policy rejects', () => {
    const pagePreSubmit = vi.fn()
    const config: WidgetConfig = { registration: { preSubmit: pagePreSubmit } }
    handle = registrationKit(fakeSignIn(), config, { policy })
    renderSignUpForm()
    const onFailure = vi.fn()
    config.registration!.preSubmit!({ userProfile: { department: '', termsAccepted: false } }, vi.fn(), onFailure)
    expect(onFailure).toHaveBeenCalledWith({
      errorSummary: policy.messages.summary,
      errorCauses: [
        { property: 'userProfile.department', errorSummary: policy.messages.departmentRequired },
        { property: 'userProfile.termsAccepted', errorSummary: policy.messages.termsNotAccepted },
      ],
    })
    expect(pagePreSubmit).not.toHaveBeenCalled()
  })

  it('upgrades the sign-up form once per render and reports errors and accepted registrations', () => {
    const signIn = fakeSignIn()
    const onError = vi.fn()
    const onPostSubmit = vi.fn()
    const config: WidgetConfig = {}
    handle = registrationKit(signIn, config, { policy, onError, onPostSubmit })
    renderSignUpForm()
    signIn.emit('afterRender', { formName: 'enroll-profile' })
    signIn.emit('afterRender', { formName: 'enroll-profile' })
    expect(screen.getAllByRole('combobox', { name: 'Department' })).toHaveLength(1)
    expect(screen.getAllByRole('link', { name: /Terms of Service/ })).toHaveLength(1)
    signIn.emit('afterError', { formName: 'enroll-profile' }, {
      xhr: { responseJSON: { errorCauses: [{ property: 'userProfile.email', errorSummary: ['Only example.com emails can register.'] }], errorSummary: '' } },
    })
    expect(onError).toHaveBeenCalledWith({
      formName: 'enroll-profile',
      errorSummary: '',
      errorCauses: [{ property: 'userProfile.email', errorSummary: ['Only example.com emails can register.'] }],
    })
    const next = vi.fn()
    config.registration!.postSubmit!('ada@example.com', next, vi.fn())
    expect(onPostSubmit).toHaveBeenCalledWith('ada@example.com')
    expect(next).toHaveBeenCalledWith('ada@example.com')
  })

  it('undoes everything on destroy: callbacks, listeners, markup and styles', () => {
    const signIn = fakeSignIn()
    const pagePreSubmit = vi.fn()
    const config: WidgetConfig = { registration: { preSubmit: pagePreSubmit } }
    renderSignUpForm()
    const pristine = document.body.innerHTML
    handle = registrationKit(signIn, config, { policy })
    signIn.emit('afterRender', { formName: 'enroll-profile' })
    signIn.emit('afterRender', { formName: 'enroll-profile' })
    expect(document.head.querySelector('style')).not.toBeNull()
    handle.destroy()
    handle.remove()
    expect(config).toEqual({ registration: { preSubmit: pagePreSubmit } })
    expect(signIn.count('afterRender') + signIn.count('afterError')).toBe(0)
    expect(document.body.innerHTML).toBe(pristine)
    expect(document.head.querySelector('style')).toBeNull()
  })

  it('refuses consent links that are neither https nor on the page origin', () => {
    const unsafe = { ...policy, consent: { ...policy.consent, termsUrl: 'javascript:alert(1)' } }
    expect(() => registrationKit(fakeSignIn(), {}, { policy: unsafe })).toThrow(/Consent link/)
  })
})
