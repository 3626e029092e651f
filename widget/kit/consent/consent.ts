import type { KitTexts } from '../texts.ts'
import { consentSentence, type ConsentLinks } from './consentSentence.ts'

const MARK = 'data-rk-consent'

export interface ConsentTarget {
  /** The consent checkbox's label, when the form has the consent attribute. */
  label: HTMLElement | null
  /** Where the "By signing up…" notice goes when there is no checkbox: the submit button bar. */
  submitBar: HTMLElement | null
}

/**
 * Puts the Terms of Service and Privacy Policy links in the consent checkbox's label, or, when the form
 * has no consent checkbox, in a notice above the submit button. Returns the undo, or `undefined` when
 * this rendered form already has the links (the widget may announce one render twice).
 */
export function applyConsent(target: ConsentTarget, links: ConsentLinks, texts: KitTexts): (() => void) | undefined {
  const { label, submitBar } = target
  if (label) {
    if (label.hasAttribute(MARK)) return undefined
    const original = [...label.childNodes]
    label.replaceChildren(consentSentence(label.ownerDocument, texts.consentLabel, links, texts))
    label.setAttribute(MARK, 'label')
    return () => {
      label.replaceChildren(...original)
      label.removeAttribute(MARK)
    }
  }
  if (!submitBar || submitBar.previousElementSibling?.hasAttribute(MARK)) return undefined
  const notice = submitBar.ownerDocument.createElement('p')
  notice.className = 'rk-consent-notice'
  notice.setAttribute(MARK, 'notice')
  notice.append(consentSentence(submitBar.ownerDocument, texts.consentNotice, links, texts))
  submitBar.before(notice)
  return () => notice.remove()
}
