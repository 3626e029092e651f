import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Policy } from '../../policy/index.ts'
import { escapeHtml } from './html.ts'

/** The page the widget's "Help" link opens. */
export const HELP_PATH = '/help'

const legalPage = (title: string, paragraphs: string[]) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body><main><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}<p><a href="/">Back to registration</a></p></main></body>
</html>
`

// Placeholder texts for the policy's consent links; a deployment points the policy's URLs at its own documents.
const terms = (version: string) =>
  legalPage('Terms of Service', [
    `These sample terms stand in for your organization’s Terms of Service (version ${escapeHtml(version)}).`,
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

/** A consent link this server answers: a path on its own origin, not a document elsewhere. */
const ownPath = (link: string) => (link.startsWith('/') && !link.startsWith('//') ? new URL(link, 'http://page').pathname : undefined)

/**
 * The widget's help page, and sample documents at the consent links the policy gives as paths on this
 * origin (the default policy's); links to other sites are the deployment's own documents.
 */
export async function legalRoutes(app: FastifyInstance, { consent }: { consent: Policy['consent'] }) {
  const html = (document: string) => (_request: unknown, reply: FastifyReply) => reply.type('text/html; charset=utf-8').send(document)
  app.get(HELP_PATH, html(HELP))
  const termsPath = ownPath(consent.termsUrl)
  const privacyPath = ownPath(consent.privacyUrl)
  if (termsPath) app.get(termsPath, html(terms(consent.version)))
  if (privacyPath && privacyPath !== termsPath) app.get(privacyPath, html(PRIVACY))
}
