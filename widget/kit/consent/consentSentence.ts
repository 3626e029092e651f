import type { KitTexts } from '../texts.ts'

export interface ConsentLinks {
  termsUrl: string
  privacyUrl: string
}

const PLACEHOLDER = /\{(terms|privacy)\}/

type Part = { text: string } | { link: { href: string; name: string } }

/** "I agree to the {terms} and {privacy}" split into plain text and the two links, in the template's order. */
function consentParts(template: string, links: ConsentLinks, texts: KitTexts): Part[] {
  // split() with a capturing group alternates plain text and placeholder names.
  return template.split(PLACEHOLDER).flatMap((part, index): Part[] => {
    if (index % 2 === 0) return part === '' ? [] : [{ text: part }]
    return part === 'terms'
      ? [{ link: { href: links.termsUrl, name: texts.termsLink } }]
      : [{ link: { href: links.privacyUrl, name: texts.privacyLink } }]
  })
}

const LINK_ATTRIBUTES = { target: '_blank', rel: 'noopener noreferrer', className: 'rk-consent-link' }
// Screen-reader users hear that the link leaves the form; sighted users see the usual link style.
const HINT_CLASS = 'rk-visually-hidden'

/**
 * Builds the consent sentence as DOM nodes only (Gen2): every text, including the link names, becomes a
 * text node and cannot carry markup.
 */
export function consentSentence(doc: Document, template: string, links: ConsentLinks, texts: KitTexts): DocumentFragment {
  const fragment = doc.createDocumentFragment()
  for (const part of consentParts(template, links, texts)) {
    if ('text' in part) {
      fragment.append(doc.createTextNode(part.text))
      continue
    }
    const link = Object.assign(doc.createElement('a'), { href: part.link.href, ...LINK_ATTRIBUTES })
    const hint = Object.assign(doc.createElement('span'), { className: HINT_CLASS })
    // The space goes into the hidden hint: the visible link text ends with the name, not a stray space.
    hint.append(doc.createTextNode(` ${texts.opensInNewTab}`))
    link.append(doc.createTextNode(part.link.name), hint)
    fragment.append(link)
  }
  return fragment
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => ESCAPES[character]!)

/**
 * The same sentence as HTML, for widgets that take a label as markup (Gen3). Every text and URL is
 * escaped, so a policy or translation can never add an element or an attribute.
 */
export function consentSentenceHtml(template: string, links: ConsentLinks, texts: KitTexts): string {
  return consentParts(template, links, texts)
    .map((part) => {
      if ('text' in part) return escapeHtml(part.text)
      const { target, rel, className } = LINK_ATTRIBUTES
      return (
        `<a href="${escapeHtml(part.link.href)}" target="${target}" rel="${rel}" class="${className}">` +
        `${escapeHtml(part.link.name)}<span class="${HINT_CLASS}"> ${escapeHtml(texts.opensInNewTab)}</span></a>`
      )
    })
    .join('')
}
