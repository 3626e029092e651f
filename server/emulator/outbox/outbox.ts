/** A message the emulator "sent": nothing ever leaves the process. */
export interface OutboxMessage {
  to: string
  subject: string
  code: string
  sentAt: string
}

export interface Outbox {
  send(message: Omit<OutboxMessage, 'sentAt'>): void
  /** Newest first; all messages when `to` is undefined. */
  list(to?: string): OutboxMessage[]
}

/** Keeps the most recent messages only, so a long-running dev server does not grow without bound. */
const CAPACITY = 500

export function createOutbox(): Outbox {
  const messages: OutboxMessage[] = []
  return {
    send(message) {
      messages.unshift({ ...message, sentAt: new Date().toISOString() })
      messages.length = Math.min(messages.length, CAPACITY)
    },
    list(to) {
      const wanted = to?.trim().toLowerCase()
      return wanted ? messages.filter((m) => m.to.toLowerCase() === wanted) : [...messages]
    },
  }
}
