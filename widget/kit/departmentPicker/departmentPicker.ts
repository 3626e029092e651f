import type { LocalizedTexts } from '../texts.ts'
import { Combobox, commitEvent, type ComboboxOptions } from './combobox.ts'
import type { DepartmentSource } from './departmentSource.ts'

const MARK = 'data-rk-department-picker'

export interface DepartmentPicker {
  destroy(): void
}

/**
 * Upgrades the widget's own department input into a combobox. The chosen name is written into that
 * input followed by `input` and `change` events, because the widget's form model only follows DOM events.
 */
export function createDepartmentPicker(
  input: HTMLInputElement,
  source: DepartmentSource,
  texts: LocalizedTexts,
  options: ComboboxOptions = { required: false },
): DepartmentPicker {
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: AbortController | undefined

  const combobox = new Combobox(input, texts, options, {
    onQuery(query) {
      clearTimeout(timer)
      inFlight?.abort()
      const controller = (inFlight = new AbortController())
      const run = () => {
        source.search(query, controller.signal).then(
          ({ matches, total }) => {
            // An answer to a query the user has already typed past is dropped.
            if (!controller.signal.aborted && input.value === query) combobox.show(matches, total)
          },
          () => {},
        )
      }
      if (source.debounceMs > 0) timer = setTimeout(run, source.debounceMs)
      else run()
    },
    onCommit(name) {
      // The prototype's setter: Gen3 (Preact) tracks the value itself and would revert a plain assignment.
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set?.call(input, name)
      input.dispatchEvent(commitEvent('input'))
      input.dispatchEvent(commitEvent('change'))
    },
  })
  combobox.start()
  input.setAttribute(MARK, '')

  return {
    destroy() {
      clearTimeout(timer)
      inFlight?.abort()
      combobox.destroy()
      input.removeAttribute(MARK)
    },
  }
}

/** True when this very input has been upgraded already (the widget keeps inputs until it re-renders). */
export function isUpgraded(input: HTMLInputElement): boolean {
  return input.hasAttribute(MARK)
}
