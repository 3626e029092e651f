import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto'
import { makeRoom } from '../bounded.ts'

export type Profile = Record<string, unknown>

export interface User {
  readonly id: string
  readonly login: string
  profile: Profile
  /** scrypt of the password the user enrolled (salt, then hash); never the password itself. */
  passwordHash?: Buffer
  /** When the password was set, as Okta reports it to the progressive-profile hook. */
  passwordChanged?: string
}

/** The org's directory: registered users, unique by login (the email, case-insensitive, as in Okta). */
export interface UserDirectory {
  exists(login: string): boolean
  find(login: unknown): User | undefined
  /** Undefined when the login is already taken. */
  create(login: string, profile: Profile): User | undefined
  byId(id: unknown): User | undefined
}

/** The directory keeps this many users; registering one more forgets the earliest, so memory stays bounded. */
const CAPACITY = 10_000
const SALT_BYTES = 16
const HASH_BYTES = 32

const hash = (password: BinaryLike, salt: BinaryLike) =>
  new Promise<Buffer>((resolve, reject) => scrypt(password, salt, HASH_BYTES, (error, key) => (error ? reject(error) : resolve(key))))

/** Keeps only a salted scrypt hash of the password, and when it was set. */
export async function setPassword(user: User, password: string): Promise<void> {
  const salt = randomBytes(SALT_BYTES)
  user.passwordHash = Buffer.concat([salt, await hash(password, salt)])
  user.passwordChanged = new Date().toISOString()
}

/** Whether `password` is the user's; a user without one (never enrolled) has none that matches. */
export async function checkPassword(user: User, password: string): Promise<boolean> {
  if (!user.passwordHash) return false
  const salt = user.passwordHash.subarray(0, SALT_BYTES)
  return timingSafeEqual(await hash(password, salt), user.passwordHash.subarray(SALT_BYTES))
}

export function createUserDirectory(): UserDirectory {
  const users = new Map<string, User>()
  const ids = new Map<string, User>()
  const key = (login: string) => login.trim().toLowerCase()
  return {
    exists: (login) => users.has(key(login)),
    find: (login) => (typeof login === 'string' ? users.get(key(login)) : undefined),
    create(login, profile) {
      if (users.has(key(login))) return undefined
      makeRoom(users, CAPACITY, () => false, (earliest, user) => {
        users.delete(earliest)
        ids.delete(user.id)
      })
      const user: User = { id: `00u${randomBytes(9).toString('base64url')}`, login, profile }
      users.set(key(login), user)
      ids.set(user.id, user)
      return user
    },
    byId: (id) => (typeof id === 'string' ? ids.get(id) : undefined),
  }
}
