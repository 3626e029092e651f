import { randomBytes } from 'node:crypto'

export type Profile = Record<string, unknown>

export interface User {
  readonly id: string
  readonly login: string
  profile: Profile
}

/** The org's directory: registered users, unique by login (the email, case-insensitive, as in Okta). */
export interface UserDirectory {
  exists(login: string): boolean
  /** Undefined when the login is already taken. */
  create(login: string, profile: Profile): User | undefined
}

export function createUserDirectory(): UserDirectory {
  const users = new Map<string, User>()
  const key = (login: string) => login.trim().toLowerCase()
  return {
    exists: (login) => users.has(key(login)),
    create(login, profile) {
      if (users.has(key(login))) return undefined
      const user: User = { id: `00u${randomBytes(9).toString('base64url')}`, login, profile }
      users.set(key(login), user)
      return user
    },
  }
}
