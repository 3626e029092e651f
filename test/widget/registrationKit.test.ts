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
      errorSummary: policy.messages.en!.summary,
      errorCauses: [
        { property: 'userProfile.department', errorSummary: policy.messages.en!.departmentRequired },
        { property: 'userProfile.termsAccepted', errorSummary: policy.messages.en!.termsNotAccepted },
      ],
    })
    expect(pagePreSubmit).not.toHaveBeenCalled()
  })

  it('upgrades the sign-up form once per render and reports errors and accepted registrations', () => {
    const signIn = fakeSignIn()
    const onError = vi.fn()
    const onDenied = vi.fn()
    const onPostSubmit = vi.fn()
    const config: WidgetConfig = {}
    handle = registrationKit(signIn, config, { policy, onError, onDenied, onPostSubmit })
    renderSignUpForm()
    signIn.emit('afterRender', { formName: 'enroll-profile' })
    signIn.emit('afterRender', { formName: 'enroll-profile' })
    expect(screen.getAllByRole('combobox', { name: 'Department' })).toHaveLength(1)
    expect(screen.getAllByRole('link', { name: /Terms of Service/ })).toHaveLength(1)
    const denial = policy.messages.fr!.freeEmail.replace('{domain}', 'gmail.com')
    signIn.emit('afterError', { formName: 'enroll-profile' }, {
      xhr: {
        responseJSON: {
          errorCauses: [
            { property: 'userProfile.email', errorSummary: [denial] },
            { property: 'userProfile.department', errorSummary: ['Not a department we know.'] },
          ],
          errorSummary: '',
        },
      },
    })
    const serverEvent = {
      formName: 'enroll-profile',
      source: 'server',
      errorSummary: '',
      problems: [
        { attribute: 'email', reason: 'FREE_EMAIL_PROVIDER', message: denial },
        { attribute: 'department', reason: 'UNKNOWN', message: 'Not a department we know.' },
      ],
      errorCauses: [
        { property: 'userProfile.email', errorSummary: [denial] },
        { property: 'userProfile.department', errorSummary: ['Not a department we know.'] },
      ],
    }
    expect(onError).toHaveBeenCalledWith(serverEvent)
    expect(onDenied).toHaveBeenCalledWith(serverEvent)

    // The kit's own rejection: reported once as the kit's, though Gen2 passes it through afterError too.
    onError.mockClear()
    onDenied.mockClear()
    const onFailure = vi.fn()
    config.registration!.preSubmit!({ userProfile: { department: 'Legal', termsAccepted: false } }, vi.fn(), onFailure)
    signIn.emit('afterError', { formName: 'enroll-profile' }, { xhr: { responseJSON: { ...onFailure.mock.calls[0]![0], errorCauses: onFailure.mock.calls[0]![0].errorCauses.map((cause: { property: string; errorSummary: string }) => ({ ...cause, errorSummary: [cause.errorSummary] })) } } })
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]![0]).toMatchObject({ source: 'kit', problems: [{ attribute: 'termsAccepted', reason: 'TERMS_NOT_ACCEPTED' }] })
    expect(onDenied).not.toHaveBeenCalled()
    const next = vi.fn()
    config.registration!.postSubmit!('ada@example.com', next, vi.fn())
    expect(onPostSubmit).toHaveBeenCalledWith('ada@example.com')
    expect(next).toHaveBeenCalledWith('ada@example.com')
  })

  it('takes the required checks over from Gen2, so blank fields and policy problems show at once', () => {
    const pageParseSchema = vi.fn((schema: unknown, onSuccess: (schema: unknown) => void) => onSuccess(schema))
    const config: WidgetConfig = { registration: { parseSchema: pageParseSchema } }
    handle = registrationKit(fakeSignIn(), config, { policy })
    const schema = [
      { name: 'userProfile.firstName', required: true },
      { name: 'userProfile.department', required: true },
      { name: 'userProfile.costCenter', required: true },
      { name: 'credentials.passcode', required: true },
    ]
    const onSuccess = vi.fn()
    config.registration!.parseSchema!(schema, onSuccess, vi.fn())
    expect(pageParseSchema.mock.calls[0]![0]).toEqual([
      { name: 'userProfile.firstName', required: false, requiredByKit: true },
      { name: 'userProfile.department', required: false, requiredByKit: true },
      { name: 'userProfile.costCenter', required: false, requiredByKit: true },
      { name: 'credentials.passcode', required: true },
    ])
    expect(onSuccess).toHaveBeenCalledTimes(1)
    renderSignUpForm()
    document.querySelector('form')!.insertAdjacentHTML('afterbegin', '<input name="userProfile.costCenter"><input name="userProfile.email">')
    const onFailure = vi.fn()
    config.registration!.preSubmit!({ userProfile: { email: 'ada@gmail.com', department: 'Legal', termsAccepted: true } }, vi.fn(), onFailure)
    expect(onFailure.mock.calls[0]![0].errorCauses).toEqual([
      { property: 'userProfile.email', errorSummary: 'Use your work email address. Only example.com addresses can register.' },
      { property: 'userProfile.costCenter', errorSummary: 'This field cannot be left blank' },
    ])
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
