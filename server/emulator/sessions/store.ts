import { handle } from '../idx/transactions.ts'
import { makeRoom } from '../bounded.ts'

/** Okta's sign-in session: who signed in on this browser, and when. */
export interface Session {
  readonly id: string
  readonly userId: string
  /** When the user authenticated (ms): the ID tokens' `auth_time`, also for codes issued without a sign-in page. */
  readonly authenticatedAt: number
  expiresAt: number
}

export interface SessionStore {
  start(userId: string, authenticatedAt: number): Session
  /** A live session by id; using it keeps it alive, as Okta's idle timeout does. */
  find(id: unknown): Session | undefined
  end(id: string): void
  /** How many sessions are held: never more than the store's bound. */
  readonly size: number
}

/**
 * Sessions by id, at most `maxSessions` at once: starting one more forgets the idlest, so no client can grow
 * the process's memory by signing in. A session unused for `idleMs` is over.
 */
export function createSessionStore(idleMs: number, maxSessions: number): SessionStore {
  const sessions = new Map<string, Session>()
  return {
    start(userId, authenticatedAt) {
      const now = Date.now()
      makeRoom(sessions, maxSessions, (idlest) => idlest.expiresAt <= now)
      const session: Session = { id: handle(32), userId, authenticatedAt, expiresAt: now + idleMs }
      sessions.set(session.id, session)
      return session
    },
    find(id) {
      if (typeof id !== 'string') return undefined
      const session = sessions.get(id)
      if (session === undefined) return undefined
      sessions.delete(id)
      if (session.expiresAt <= Date.now()) return undefined
      // Re-inserted, so the Map's order stays the order of last use and eviction takes the idlest.
      session.expiresAt = Date.now() + idleMs
      sessions.set(id, session)
      return session
    },
    end(id) {
      sessions.delete(id)
    },
    get size() {
      return sessions.size
    },
  }
}
