import type { FastifyInstance } from 'fastify'

const legalPage = (title: string, paragraphs: string[]) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body><main><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}<p><a href="/">Back to registration</a></p></main></body>
</html>
`

// Placeholder texts the default policy links to; a deployment points the policy's URLs at its own documents.
const TERMS = legalPage('Terms of Service', [
  'These sample terms stand in for your organization’s Terms of Service (version 2026-01).',
  'By creating an account you agree to use it only for your work and to keep your credentials private.',
])
const PRIVACY = legalPage('Privacy Policy', [
  'This sample policy stands in for your organization’s Privacy Policy.',
  'We keep your name, work email and department to run your account, and record which terms you accepted and when.',
])

/** The documents the consent checkbox links to: static text, no data. */
export async function legalRoutes(app: FastifyInstance) {
  app.get('/legal/terms', (_request, reply) => reply.type('text/html; charset=utf-8').send(TERMS))
  app.get('/legal/privacy', (_request, reply) => reply.type('text/html; charset=utf-8').send(PRIVACY))
}
