import type { DepartmentMatch } from '../../../policy/index.ts'
import type { LocalizedTexts } from '../texts.ts'
import { AttributeLedger, DescribedBy } from './attributeLedger.ts'
import { optionView } from './optionView.ts'

export interface ComboboxOptions {
  /** Announce the field as required (`aria-required`); the widget itself does not. */
  required: boolean
  /** The list goes right after this element: the field's visible box, which may wrap the input. */
  anchor?: Element
}

export interface ComboboxCallbacks {
  /** The text changed (typing, or a key that opens the list): fetch matches and call `show()`. */
  onQuery(query: string): void
  /** The user chose a name, or cleared the field with Escape (`''`). */
  onCommit(name: string): void
}

type PendingMove = 'first' | 'last' | 'none'

let instances = 0

/**
 * A WAI-ARIA 1.2 combobox with a listbox popup around an existing text input (APG "list autocomplete").
 * DOM focus stays in the input; the highlighted option is tracked with `aria-activedescendant`; state
 * lives in ARIA attributes and `hidden`, never in layout, so it behaves the same in jsdom and browsers.
 */
export class Combobox {
  readonly #input: HTMLInputElement
  readonly #texts: LocalizedTexts
  readonly #callbacks: ComboboxCallbacks
  readonly #required: boolean
  readonly #anchor: Element
  readonly #ledger = new AttributeLedger()
  /** Floats under the field: the listbox and, when it holds only the first matches, a line saying so. */
  readonly #popup: HTMLElement
  readonly #listbox: HTMLUListElement
  readonly #more: HTMLElement
  readonly #status: HTMLElement
  readonly #noMatches: HTMLElement
  readonly #describedBy: DescribedBy
  #matches: DepartmentMatch[] = []
  #active = -1
  #composing = false
  #pending: PendingMove | null = null
  #swallowEscapeKeyup = false
  #started = false

  constructor(input: HTMLInputElement, texts: LocalizedTexts, options: ComboboxOptions, callbacks: ComboboxCallbacks) {
    this.#input = input
    this.#texts = texts
    this.#required = options.required
    this.#anchor = options.anchor ?? input
    this.#callbacks = callbacks
    const doc = input.ownerDocument
    const id = `rk-department-${++instances}`
    this.#listbox = doc.createElement('ul')
    this.#listbox.id = `${id}-listbox`
    this.#listbox.className = 'rk-listbox'
    this.#listbox.setAttribute('role', 'listbox')
    this.#more = doc.createElement('div')
    this.#more.className = 'rk-more'
    this.#popup = doc.createElement('div')
    this.#popup.className = 'rk-popup'
    this.#popup.hidden = true
    this.#popup.append(this.#listbox, this.#more)
    const label = input.labels?.[0]
    if (label) {
      // The listbox shares the field's name; the label gets an id only if it has none.
      if (!label.id) this.#ledger.set(label, 'id', `${id}-label`)
      this.#listbox.setAttribute('aria-labelledby', label.id)
    }
    this.#noMatches = doc.createElement('div')
    this.#noMatches.id = `${id}-no-matches`
    this.#noMatches.className = 'rk-no-matches'
    this.#noMatches.hidden = true
    this.#noMatches.append(doc.createTextNode(texts.noDepartmentsFound))
    this.#status = doc.createElement('div')
    this.#status.className = 'rk-visually-hidden'
    this.#status.setAttribute('role', 'status')
    this.#describedBy = new DescribedBy(input)
  }

  get isOpen(): boolean {
    return !this.#popup.hidden
  }

  start(): void {
    if (this.#started) return
    this.#started = true
    const input = this.#input
    this.#ledger.set(input, 'role', 'combobox')
    this.#ledger.set(input, 'aria-autocomplete', 'list')
    this.#ledger.set(input, 'aria-expanded', 'false')
    this.#ledger.set(input, 'aria-controls', this.#listbox.id)
    if (this.#required) this.#ledger.set(input, 'aria-required', 'true')
    // The browser's own autofill list would cover the listbox.
    this.#ledger.set(input, 'autocomplete', 'off')
    this.#anchor.after(this.#popup, this.#noMatches, this.#status)
    for (const [target, type, listener] of this.#listeners()) target.addEventListener(type, listener)
  }

  stop(): void {
    if (!this.#started) return
    this.#started = false
    this.close()
    for (const [target, type, listener] of this.#listeners()) target.removeEventListener(type, listener)
  }

  #listeners(): Array<[EventTarget, string, EventListener]> {
    return [
      [this.#input, 'keydown', this.#onKeydown as EventListener],
      [this.#input, 'keyup', this.#onKeyup as EventListener],
      [this.#input, 'input', this.#onInput],
      [this.#input, 'compositionstart', this.#onCompositionStart],
      [this.#input, 'compositionend', this.#onCompositionEnd],
      [this.#input, 'blur', this.#onBlur],
      [this.#popup, 'mousedown', this.#keepFocus as EventListener],
      [this.#listbox, 'click', this.#onClick as EventListener],
      // A submit (Enter with no option to pick, or the button) leaves no list open over the result.
      ...(this.#input.form ? [[this.#input.form, 'submit', this.#onSubmit] as [EventTarget, string, EventListener]] : []),
    ]
  }

  /** Removes every element, attribute and listener the combobox added. */
  destroy(): void {
    this.stop()
    this.#describedBy.disconnect()
    this.#popup.remove()
    this.#noMatches.remove()
    this.#status.remove()
    this.#ledger.restore()
  }

  /**
   * Shows the matches for the current text (`total`: how many match in all, when the list holds fewer);
   * opens the list only while the user is in the field.
   */
  show(matches: DepartmentMatch[], total = matches.length): void {
    if (!this.#started) return
    const doc = this.#input.ownerDocument
    this.#matches = matches
    this.#listbox.replaceChildren(...matches.map((match, index) => optionView(doc, match, `${this.#listbox.id}-${index}`)))
    this.#setActive(-1)
    // Only while the user is in the field: a late answer after blur must not leave a stray "no matches".
    const noMatches = matches.length === 0 && this.#input.value.trim() !== '' && doc.activeElement === this.#input
    this.#noMatches.hidden = !noMatches
    this.#describedBy.toggle(this.#noMatches.id, noMatches)
    this.#status.textContent = this.#texts.countText(matches.length, total)
    const cut = total > matches.length
    this.#more.hidden = !cut
    this.#more.textContent = cut ? this.#status.textContent : ''
    const pending = this.#pending
    this.#pending = null
    if (matches.length === 0 || (pending === null && doc.activeElement !== this.#input)) {
      this.#setOpen(false)
      return
    }
    this.#setOpen(true)
    if (pending === 'first') this.#setActive(0)
    if (pending === 'last') this.#setActive(matches.length - 1)
  }

  close(): void {
    this.#setOpen(false)
    this.#noMatches.hidden = true
    this.#describedBy.toggle(this.#noMatches.id, false)
  }

  #open(move: PendingMove): void {
    if (this.isOpen) {
      if (move !== 'none') this.#setActive(move === 'first' ? 0 : this.#matches.length - 1)
      return
    }
    this.#pending = move
    this.#callbacks.onQuery(this.#input.value)
  }

  #setOpen(open: boolean): void {
    this.#popup.hidden = !open
    this.#ledger.set(this.#input, 'aria-expanded', String(open))
    if (!open) this.#setActive(-1)
  }

  #setActive(index: number): void {
    this.#listbox.children[this.#active]?.setAttribute('aria-selected', 'false')
    this.#active = index
    const option = this.#listbox.children[index]
    if (!option) {
      this.#ledger.remove(this.#input, 'aria-activedescendant')
      return
    }
    option.setAttribute('aria-selected', 'true')
    this.#ledger.set(this.#input, 'aria-activedescendant', option.id)
    option.scrollIntoView?.({ block: 'nearest' })
  }

  #move(step: number): void {
    const count = this.#matches.length
    this.#setActive(this.#active === -1 && step < 0 ? count - 1 : (this.#active + step + count) % count)
  }

  #commit(name: string): void {
    this.close()
    this.#callbacks.onCommit(name)
    this.#input.setSelectionRange?.(name.length, name.length)
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.isComposing || this.#composing) return
    const handled = this.#handleKey(event)
    if (!handled) return
    // Keys the picker uses must not reach the widget: Enter would submit its form.
    event.preventDefault()
    event.stopPropagation()
  }

  #handleKey(event: KeyboardEvent): boolean {
    const open = this.isOpen
    const hasActive = open && this.#active !== -1
    switch (event.key) {
      case 'ArrowDown':
        if (event.altKey) this.#open('none')
        else if (open) this.#move(1)
        else this.#open('first')
        return true
      case 'ArrowUp':
        if (event.altKey) this.close()
        else if (open) this.#move(-1)
        else this.#open('last')
        return true
      case 'Home':
      case 'End':
        if (!hasActive) return false
        this.#setActive(event.key === 'Home' ? 0 : this.#matches.length - 1)
        return true
      case 'ArrowLeft':
      case 'ArrowRight':
        // Back to the text, list still open; the caret moves as usual.
        this.#setActive(-1)
        return false
      case 'Enter':
        if (!hasActive) return false
        this.#commit(this.#matches[this.#active]!.name)
        return true
      case 'Escape':
        if (open) this.close()
        else if (this.#input.value !== '') this.#commit('')
        else return false
        // The widget cancels the whole form on Escape's keyup.
        this.#swallowEscapeKeyup = true
        return true
      default:
        return false
    }
  }

  readonly #onKeyup = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.#swallowEscapeKeyup) return
    this.#swallowEscapeKeyup = false
    event.preventDefault()
    event.stopPropagation()
  }

  readonly #onInput = (event: Event): void => {
    // The committed value is announced to the widget with the same event; it is not typing.
    if ((event as Event & { rkCommit?: boolean }).rkCommit === true) return
    if ((event as InputEvent).isComposing || this.#composing) return
    this.#pending = null
    this.#callbacks.onQuery(this.#input.value)
  }

  readonly #onCompositionStart = (): void => {
    this.#composing = true
  }

  readonly #onCompositionEnd = (): void => {
    this.#composing = false
    this.#callbacks.onQuery(this.#input.value)
  }

  readonly #onBlur = (): void => {
    this.#pending = null
    // The list floats, the "no matches" note is in the flow: hiding it here would move everything below
    // it between the press and the release of a click on the submit button or a link.
    this.#setOpen(false)
  }

  readonly #onSubmit = (): void => {
    // The list goes; the "no matches" note stays: it still describes the value being submitted.
    this.#setOpen(false)
  }

  readonly #keepFocus = (event: MouseEvent): void => {
    event.preventDefault()
  }

  readonly #onClick = (event: MouseEvent): void => {
    const option = (event.target as Element).closest('[role="option"]')
    const index = option ? [...this.#listbox.children].indexOf(option) : -1
    const match = this.#matches[index]
    if (match) this.#commit(match.name)
  }
}

/** Marks an event as the kit's own write, so the combobox does not treat it as typing. */
export function commitEvent(type: 'input' | 'change'): Event {
  return Object.assign(new Event(type, { bubbles: true }), { rkCommit: true })
}
