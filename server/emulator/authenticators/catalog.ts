import type { AuthenticatorKey } from '../idx/transactions.ts'

/** The org's authenticators, both required at enrollment; ids are stable for the life of the process. */
export const AUTHENTICATORS = {
  email: { type: 'email', key: 'okta_email', id: 'aut0emulatorEmail0001', displayName: 'Email', methods: [{ type: 'email' }] },
  password: {
    type: 'password',
    key: 'okta_password',
    id: 'aut0emulatorPassword01',
    displayName: 'Password',
    methods: [{ type: 'password' }],
  },
} as const

export const ENROLLMENT_ORDER: AuthenticatorKey[] = ['email', 'password']

export function authenticatorById(id: unknown): AuthenticatorKey | undefined {
  return ENROLLMENT_ORDER.find((key) => AUTHENTICATORS[key].id === id)
}

/** The password policy's complexity, as Okta's default policy; the widget shows these as rules. */
export const PASSWORD_COMPLEXITY = {
  minLength: 8,
  minLowerCase: 1,
  minUpperCase: 1,
  minNumber: 1,
  minSymbol: 0,
  excludeUsername: true,
  excludeAttributes: [],
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length

/** Okta checks the complexity again on the server: the widget's checks are a convenience. */
export function meetsComplexity(password: string, username: string): boolean {
  const c = PASSWORD_COMPLEXITY
  const localPart = username.split('@')[0]?.toLowerCase() ?? ''
  return (
    password.length >= c.minLength &&
    count(password, /\p{Ll}/gu) >= c.minLowerCase &&
    count(password, /\p{Lu}/gu) >= c.minUpperCase &&
    count(password, /\p{N}/gu) >= c.minNumber &&
    count(password, /[^\p{L}\p{N}]/gu) >= c.minSymbol &&
    !(c.excludeUsername && localPart.length > 0 && password.toLowerCase().includes(localPart))
  )
}
