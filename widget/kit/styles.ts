import css from './style.css?inline'

const MARK = 'data-rk-styles'

/**
 * Adds the kit's stylesheet once per document. The `<style>` carries the page's CSP nonce: Okta-hosted
 * pages and the embedded page both forbid inline styles without it.
 */
export function injectStyles(doc: Document, nonce: string | undefined): () => void {
  if (doc.head.querySelector(`style[${MARK}]`)) return () => {}
  const style = doc.createElement('style')
  style.setAttribute(MARK, '')
  if (nonce) style.nonce = nonce
  style.append(doc.createTextNode(css))
  doc.head.append(style)
  return () => style.remove()
}
