import type { Policy } from '../../policy/index.ts'

/** What the server hands the page in `<script type="application/json" id="page-config">`. */
export interface PageConfig {
  okta: { issuer: string; clientId: string; redirectUri: string }
  policy: Policy
  /** The customization kit's settings, or false for the bare widget. */
  kit: { departmentsUrl: string } | false
  /** This response's CSP nonce for <style> elements, passed to the widget as `cspNonce`. */
  styleNonce: string
  /** WIDGET_LANGUAGE: one language for every visitor; unset, the widget follows the browser. */
  language?: string
}

export function readPageConfig(): PageConfig {
  const element = document.getElementById('page-config')
  if (!element?.textContent) throw new Error('The page configuration is missing.')
  return JSON.parse(element.textContent) as PageConfig
}
