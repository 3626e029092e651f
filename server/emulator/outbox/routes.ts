import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { escapeHtml } from '../../page/html.ts'
import type { Emulator } from '../context.ts'
import type { OutboxMessage } from './outbox.ts'

const OutboxQuery = z.object({ to: z.string().max(320).optional() })

// Every value goes into the page through this; the template itself holds no data.
const text = escapeHtml

const row = (m: OutboxMessage) =>
  `<tr><td>${text(m.sentAt)}</td><td>${text(m.to)}</td><td>${text(m.subject)}</td><td><code>${text(m.code)}</code></td></tr>`

function page(messages: OutboxMessage[]) {
  const rows = messages.length > 0 ? messages.map(row).join('') : '<tr><td colspan="4">No messages yet.</td></tr>'
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Emulator outbox</title></head>
<body><main><h1>Emails the emulator would have sent</h1><p>Nothing leaves this process. Newest first.</p>
<table><thead><tr><th scope="col">Sent</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Code</th></tr></thead>
<tbody>${rows}</tbody></table></main></body></html>`
}

/** The emulator's email outbox: where tests and developers read the verification codes. */
export async function outboxRoutes(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  app.get('/outbox', async (request, reply) => {
    const query = OutboxQuery.safeParse(request.query)
    if (!query.success) return reply.code(400).send({ error: 'invalid_request', error_description: 'to must be an email address.' })
    return { messages: emulator.outbox.list(query.data.to) }
  })

  app.get('/outbox/view', async (request, reply) => {
    const query = OutboxQuery.safeParse(request.query)
    const messages = emulator.outbox.list(query.success ? query.data.to : undefined)
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page(messages))
  })
}
