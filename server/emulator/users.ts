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
  byId(id: unknown): User | undefined
}

/** The directory keeps this many users; registering one more forgets the earliest, so memory stays bounded. */
const CAPACITY = 10_000

export function createUserDirectory(): UserDirectory {
  const users = new Map<string, User>()
  const ids = new Map<string, User>()
  const key = (login: string) => login.trim().toLowerCase()
  return {
    exists: (login) => users.has(key(login)),
    create(login, profile) {
      if (users.has(key(login))) return undefined
      for (const [earliest, user] of users) {
        if (users.size < CAPACITY) break
        users.delete(earliest)
        ids.delete(user.id)
      }
      const user: User = { id: `00u${randomBytes(9).toString('base64url')}`, login, profile }
      users.set(key(login), user)
      ids.set(user.id, user)
      return user
    },
    byId: (id) => (typeof id === 'string' ? ids.get(id) : undefined),
  }
}
