import type { Policy } from './schema.ts'

/**
 * What the server hands the embedded page in `<script type="application/json" id="page-config">`: a
 * contract between server/ and widget/, so it lives here, where both may import it.
 */
export interface PageConfig {
  /** The widget's settings for this origin (issuer, client, assets, brand), all but the per-response nonce. */
  widget: Record<string, unknown>
  policy: Policy
  /** The customization kit's settings, or false for the bare widget. */
  kit: { departmentsUrl: string } | false
  /** This response's CSP nonce for <style> elements, passed to the widget as `cspNonce`. */
  styleNonce: string
  /** WIDGET_LANGUAGE: one language for every visitor; unset, the widget follows the browser. */
  language?: string
}

/**
 * JSON to place inside a `<script>`, as data or as a JavaScript literal (the page's config, the snippet's
 * options): `<` could end the element early (`</script>`), and U+2028/U+2029 end a line in older parsers.
 */
export const scriptSafeJson = (value: unknown, indent?: number) =>
  JSON.stringify(value, null, indent).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
