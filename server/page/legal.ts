import type { FastifyInstance } from 'fastify'
import { HELP_PATH } from '../../widget/page/widgetConfig.ts'

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

const HELP = legalPage('Help with signing up', [
  'Choose Sign up, fill in your name, your work email address and your department, and accept the terms.',
  'You then set up your email address with the code we send you, and a password.',
  'If your email address is refused, use your work address; if it still is, contact your IT help desk.',
])

/** The documents the consent checkbox and the widget's help link open: static text, no data. */
export async function legalRoutes(app: FastifyInstance) {
  app.get(HELP_PATH, (_request, reply) => reply.type('text/html; charset=utf-8').send(HELP))
  app.get('/legal/terms', (_request, reply) => reply.type('text/html; charset=utf-8').send(TERMS))
  app.get('/legal/privacy', (_request, reply) => reply.type('text/html; charset=utf-8').send(PRIVACY))
}
