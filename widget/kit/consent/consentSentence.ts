import type { KitTexts } from '../texts.ts'

export interface ConsentLinks {
  termsUrl: string
  privacyUrl: string
}

const PLACEHOLDER = /\{(terms|privacy)\}/

/**
 * Builds "I agree to the {terms} and {privacy}" as DOM nodes only: every text, including the link names,
 * becomes a text node and cannot carry markup.
 */
export function consentSentence(doc: Document, template: string, links: ConsentLinks, texts: KitTexts): DocumentFragment {
  const fragment = doc.createDocumentFragment()
  // split() with a capturing group alternates plain text and placeholder names.
  template.split(PLACEHOLDER).forEach((part, index) => {
    if (index % 2 === 0) {
      fragment.append(part)
      return
    }
    const terms = part === 'terms'
    const link = Object.assign(doc.createElement('a'), {
      href: terms ? links.termsUrl : links.privacyUrl,
      target: '_blank',
      rel: 'noopener noreferrer',
      className: 'rk-consent-link',
    })
    // Screen-reader users hear that the link leaves the form. The space goes into the hidden hint: the
    // visible link text ends with the name, not with a stray underlined space.
    const hint = Object.assign(doc.createElement('span'), { className: 'rk-visually-hidden' })
    hint.append(` ${texts.opensInNewTab}`)
    link.append(terms ? texts.termsLink : texts.privacyLink, hint)
    fragment.append(link)
  })
  return fragment
}

/**
 * The same sentence as HTML, for widgets that take a label as markup (Gen3): the DOM nodes above,
 * serialized by the browser, which escapes every text and attribute value, so a policy or translation can
 * never add an element or an attribute.
 */
export function consentSentenceHtml(doc: Document, template: string, links: ConsentLinks, texts: KitTexts): string {
  const holder = doc.createElement('div')
  holder.append(consentSentence(doc, template, links, texts))
  return holder.innerHTML
}
