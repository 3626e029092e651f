import { describe, expect, it } from 'vitest'
import { checkProfile, type FormFields } from '../../widget/kit/validation/profileCheck.ts'
import { compiled, policy } from './fixtures.ts'

const signUp: FormFields = {
  mode: 'registration',
  has: (attribute) => ['firstName', 'lastName', 'email', 'department', 'termsAccepted'].includes(attribute),
  locale: undefined,
}

const valid = {
  firstName: '  Ada ',
  lastName: 'Lovelace',
  email: ' ada@EXAMPLE.com ',
  department: 'finance',
  termsAccepted: true,
}

describe('registration check before submit', () => {
  it('maps every policy issue to an error under its field, all at once', () => {
    const result = checkProfile(
      { userProfile: { firstName: 'Ada1', lastName: '', email: 'ada@gmail.com', department: 'Finanse', termsAccepted: false } },
      compiled,
      signUp,
    )
    expect(result).toMatchObject({
      ok: false,
      failure: {
        errorSummary: policy.messages.en!.summary,
        errorCauses: [
          { property: 'userProfile.firstName', errorSummary: 'Use 1 to 50 letters, spaces, apostrophes, hyphens or periods.' },
          { property: 'userProfile.lastName', errorSummary: 'Use 1 to 50 letters, spaces, apostrophes, hyphens or periods.' },
          { property: 'userProfile.email', errorSummary: 'Use your work email address. Only example.com addresses can register.' },
          { property: 'userProfile.department', errorSummary: 'Choose a department from the list. Did you mean Finance?' },
          { property: 'userProfile.termsAccepted', errorSummary: policy.messages.en!.termsNotAccepted },
        ],
      },
    })
  })

  it('sends trimmed, canonical values when the profile passes', () => {
    const result = checkProfile({ userProfile: valid, stateHandle: 'kept' }, compiled, signUp)
    expect(result).toEqual({
      ok: true,
      data: {
        stateHandle: 'kept',
        userProfile: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', department: 'Finance', termsAccepted: true },
      },
    })
  })

  it('leaves issues about attributes the form does not show to the server', () => {
    const noConsent: FormFields = { mode: 'registration', has: (attribute) => attribute !== 'termsAccepted', locale: undefined }
    const { termsAccepted: _omitted, ...profile } = valid
    expect(checkProfile({ userProfile: profile }, compiled, noConsent).ok).toBe(true)
  })

  it('adds no attribute the form does not send', () => {
    const result = checkProfile({ userProfile: valid }, compiled, signUp)
    expect(result.ok && Object.keys(result.data.userProfile!)).toEqual(Object.keys(valid))
  })

  it('checks only the attributes a progressive-profile update carries', () => {
    const update: FormFields = { mode: 'profileUpdate', has: () => true, locale: undefined }
    expect(checkProfile({ userProfile: { department: 'Legal ' } }, compiled, update)).toEqual({
      ok: true,
      data: { userProfile: { department: 'Legal' } },
    })
  })
})
