/** The third-generation widget renames the page after each form ("Sign up"); the page keeps its own title. */
export function keepPageTitle(doc: Document): void {
  const element = doc.querySelector('title')
  if (!element) return
  const title = doc.title
  new MutationObserver(() => {
    if (doc.title !== title) doc.title = title
  }).observe(element, { childList: true, characterData: true, subtree: true })
}
