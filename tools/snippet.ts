/**
 * `npm run snippet`: prints the block brand teams paste into Okta's code editor (see
 * widget/code-editor/snippet.ts), with the kit's IIFE built fresh and these options: the policy from
 * POLICY_FILE or the shipped default, read and checked as the server reads it; the departments API from
 * DEPARTMENTS_URL; consent paths made absolute with CONSENT_LINK_BASE.
 *
 * Everything but the snippet goes to stderr, so `npm run -s snippet > snippet.html` captures just the block.
 */
import { policyFilePath, readPolicyFile } from '../server/config/policyFile.ts'
import type { RegistrationKitOptions } from '../widget/kit/index.ts'
import { snippetBlock } from '../widget/code-editor/snippet.ts'
import { bundleCode, kitBuilds } from './build/kit.ts'

type Policy = RegistrationKitOptions['policy']

function departmentsUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  const url = URL.parse(raw)
  // The hosted page is https; a plain-http API would be blocked as mixed content.
  if (url?.protocol !== 'https:') throw new Error(`DEPARTMENTS_URL must be an https:// URL, got ${raw}`)
  return url.href
}

/**
 * A consent link written as a path ("/legal/terms") would open on the Okta domain of the hosted page, so
 * paths are made absolute against CONSENT_LINK_BASE (the site that serves the legal pages).
 */
function absoluteConsent(policy: Policy, base: string | undefined): Policy {
  const links = [policy.consent.termsUrl, policy.consent.privacyUrl]
  if (links.every((link) => link.startsWith('https://'))) return policy
  if (!base) {
    process.stderr.write('Warning: the consent links are paths and will open on the Okta domain; set CONSENT_LINK_BASE.\n')
    return policy
  }
  if (!base.startsWith('https://')) throw new Error(`CONSENT_LINK_BASE must be an https:// URL, got ${base}`)
  const resolve = (link: string) => new URL(link, base).href
  return { ...policy, consent: { ...policy.consent, termsUrl: resolve(links[0]!), privacyUrl: resolve(links[1]!) } }
}

export async function snippet(env: NodeJS.ProcessEnv): Promise<string> {
  const read = readPolicyFile(policyFilePath(env.POLICY_FILE))
  if (!read.ok) throw new Error(read.problems.join('\n'))
  const options: RegistrationKitOptions = { policy: absoluteConsent(read.policy, env.CONSENT_LINK_BASE) }
  const url = departmentsUrl(env.DEPARTMENTS_URL)
  if (url) options.departmentsUrl = url
  return snippetBlock(await bundleCode(kitBuilds.codeEditor), options)
}

if (process.argv[1] === import.meta.filename) {
  snippet(process.env).then(
    (block) => process.stdout.write(`${block}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    },
  )
}
