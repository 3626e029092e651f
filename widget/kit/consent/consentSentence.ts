import type { KitTexts } from '../texts.ts'

export interface ConsentLinks {
  termsUrl: string
  privacyUrl: string
}

const PLACEHOLDER = /\{(terms|privacy)\}/

/**
 * Builds "I agree to the <a>Terms of Service</a> and <a>Privacy Policy</a>" from a localizable template,
 * as DOM nodes only: every text, including the link names, becomes a text node and cannot carry markup.
 */
export function consentSentence(doc: Document, template: string, links: ConsentLinks, texts: KitTexts): DocumentFragment {
  const fragment = doc.createDocumentFragment()
  // split() with a capturing group alternates plain text and placeholder names.
  template.split(PLACEHOLDER).forEach((part, index) => {
    if (index % 2 === 0) {
      if (part !== '') fragment.append(doc.createTextNode(part))
    } else if (part === 'terms') {
      fragment.append(newTabLink(doc, links.termsUrl, texts.termsLink, texts.opensInNewTab))
    } else {
      fragment.append(newTabLink(doc, links.privacyUrl, texts.privacyLink, texts.opensInNewTab))
    }
  })
  return fragment
}

function newTabLink(doc: Document, href: string, name: string, newTabHint: string): HTMLAnchorElement {
  const link = doc.createElement('a')
  link.href = href
  link.target = '_blank'
  link.rel = 'noopener noreferrer'
  link.className = 'rk-consent-link'
  // Screen-reader users hear that the link leaves the form; sighted users see the usual link style.
  const hint = doc.createElement('span')
  hint.className = 'rk-visually-hidden'
  hint.append(doc.createTextNode(newTabHint))
  link.append(doc.createTextNode(`${name} `), hint)
  return link
}
