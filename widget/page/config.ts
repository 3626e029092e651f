import type { Policy } from '../../policy/index.ts'

/** What the server hands the page in `<script type="application/json" id="page-config">`. */
export interface PageConfig {
  okta: { issuer: string; clientId: string; redirectUri: string }
  policy: Policy
  /** The customization kit's settings, or false for the bare widget. */
  kit: { departmentsUrl: string } | false
}

export function readPageConfig(): { config: PageConfig; nonce: string } {
  const element = document.getElementById('page-config')
  if (!element?.textContent) throw new Error('The page configuration is missing.')
  return { config: JSON.parse(element.textContent) as PageConfig, nonce: element.nonce ?? '' }
}
