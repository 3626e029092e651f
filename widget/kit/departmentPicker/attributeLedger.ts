/**
 * Sets attributes on elements the kit does not own and remembers what was there before, so that
 * `restore()` leaves the widget's markup exactly as the widget wrote it.
 */
export class AttributeLedger {
  readonly #originals = new Map<Element, Map<string, string | null>>()

  set(element: Element, name: string, value: string): void {
    this.#remember(element, name)
    element.setAttribute(name, value)
  }

  remove(element: Element, name: string): void {
    this.#remember(element, name)
    element.removeAttribute(name)
  }

  restore(): void {
    for (const [element, originals] of this.#originals) {
      for (const [name, value] of originals) {
        if (value === null) element.removeAttribute(name)
        else element.setAttribute(name, value)
      }
    }
    this.#originals.clear()
  }

  #remember(element: Element, name: string): void {
    let originals = this.#originals.get(element)
    if (!originals) this.#originals.set(element, (originals = new Map()))
    if (!originals.has(name)) originals.set(name, element.getAttribute(name))
  }
}

/**
 * Keeps the kit's ids in an input's `aria-describedby` next to the widget's: Gen2 overwrites the attribute
 * whenever it shows a field error, which would silently drop the kit's descriptions.
 */
export class DescribedBy {
  readonly #input: HTMLElement
  readonly #ours = new Set<string>()
  readonly #observer: MutationObserver

  constructor(input: HTMLElement) {
    this.#input = input
    this.#observer = new MutationObserver(() => this.#sync())
    this.#observer.observe(input, { attributes: true, attributeFilter: ['aria-describedby'] })
  }

  toggle(id: string, present: boolean): void {
    if (present) this.#ours.add(id)
    else this.#ours.delete(id)
    this.#sync()
  }

  /** Removes the kit's ids and leaves the widget's. */
  disconnect(): void {
    this.#observer.disconnect()
    this.#ours.clear()
    this.#write(this.#widgetIds())
  }

  #widgetIds(): string[] {
    return (this.#input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id !== '' && !id.startsWith('rk-'))
  }

  #sync(): void {
    this.#write([...this.#widgetIds(), ...this.#ours])
  }

  #write(ids: string[]): void {
    const value = ids.join(' ')
    // Writing only on change keeps the observer from looping on its own mutation.
    if ((this.#input.getAttribute('aria-describedby') ?? '') === value) return
    if (value === '') this.#input.removeAttribute('aria-describedby')
    else this.#input.setAttribute('aria-describedby', value)
  }
}
