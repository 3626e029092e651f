/** What Okta calls the sign-up form and its fields: the same in both widget generations and in its answers. */

/** The sign-up form's name in the widget's events and hooks (the progressive-profile form shares it). */
export const SIGN_UP_FORM = 'enroll-profile'

/** Where the progressive-profile form posts: what tells it from the sign-up form. */
export const PROFILE_UPDATE_PATH = '/idp/idx/enroll/update'

const PROFILE = 'userProfile.'

/** The form field of a profile attribute (`email` → `userProfile.email`). */
export const profileField = (attribute: string) => `${PROFILE}${attribute}`

/** The profile attribute a form field holds, if it holds one. */
export const profileAttribute = (field: unknown) =>
  typeof field === 'string' && field.startsWith(PROFILE) ? field.slice(PROFILE.length) : undefined
