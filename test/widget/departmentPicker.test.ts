import { screen, within } from '@testing-library/dom'
import { userEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDepartmentDirectory } from '../../policy/index.ts'
import { createDepartmentPicker, type DepartmentPicker } from '../../widget/kit/departmentPicker/departmentPicker.ts'
import { inlineSource, remoteSource } from '../../widget/kit/departmentPicker/departmentSource.ts'
import { resolveTexts } from '../../widget/kit/texts.ts'
import { withTranslations } from '../../widget/kit/translations.ts'

const ENGLISH = resolveTexts('en')
import { compiled, departmentForm } from './fixtures.ts'

let picker: DepartmentPicker | undefined
let input: HTMLInputElement

function upgrade(source = inlineSource(compiled.departments, 8)) {
  ;({ input } = departmentForm())
  picker = createDepartmentPicker(input, source, ENGLISH, { required: true })
}

afterEach(() => {
  picker?.destroy()
  picker = undefined
  vi.unstubAllGlobals()
})

describe('department picker', () => {
  beforeEach(() => upgrade())

  it('turns the department input into a collapsed combobox that controls a listbox', () => {
    const combobox = screen.getByRole('combobox', { name: 'Department' })
    expect(combobox).toBe(input)
    expect(combobox).toHaveProperty('value', '')
    expect(combobox.getAttribute('aria-expanded')).toBe('false')
    expect(combobox.getAttribute('aria-autocomplete')).toBe('list')
    expect(combobox.getAttribute('aria-required')).toBe('true')
    const listbox = document.getElementById(combobox.getAttribute('aria-controls')!)
    expect(listbox?.getAttribute('role')).toBe('listbox')
    expect(screen.queryByRole('listbox')).toBeNull()
  })

  it('says when more departments match than the list holds, in the list and to screen readers', async () => {
    await userEvent.type(screen.getByRole('combobox'), 'e')
    const listbox = await screen.findByRole('listbox')
    const total = compiled.departments.searchWithTotal('e', 8).total
    const said = `8 of ${total} departments shown, keep typing`
    expect(within(listbox).getAllByRole('option')).toHaveLength(8)
    expect(screen.getByRole('status').textContent).toBe(said)
    expect(screen.getByText(said, { selector: '.rk-more' }).hidden).toBe(false)
    await userEvent.type(screen.getByRole('combobox'), 'ngineering')
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^\d departments found$/))
    expect(document.querySelector<HTMLElement>('.rk-more')!.hidden).toBe(true)
  })

  it('counts in the language’s plural forms', () => {
    const shipped = withTranslations()
    const french = resolveTexts('fr', shipped)
    expect(french.countText(1, 1)).toBe('1 département trouvé')
    expect(french.countText(3, 3)).toBe('3 départements trouvés')
    expect(resolveTexts('de', shipped).countText(8, 23)).toBe('8 von 23 Abteilungen angezeigt, tippen Sie weiter')
    expect(resolveTexts('pt-BR', shipped).countText(0, 0)).toBe('No matching departments')
  })

  it('closes the list when the form is submitted', async () => {
    await userEvent.type(screen.getByRole('combobox'), 'fin')
    await screen.findByRole('listbox')
    input.form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(input.getAttribute('aria-expanded')).toBe('false')
  })

  it('lists matching departments as options while typing, best match first', async () => {
    await userEvent.type(screen.getByRole('combobox'), 'fin')
    const listbox = await screen.findByRole('listbox', { name: 'Department' })
    const names = within(listbox).getAllByRole('option').map((option) => option.textContent)
    expect(names).toEqual(compiled.departments.search('fin', 8).map((match) => match.name))
    expect(names[0]).toBe('Finance')
    expect(screen.getByRole('combobox').getAttribute('aria-expanded')).toBe('true')
  })

  it('highlights the matched part of each option', async () => {
    await userEvent.type(screen.getByRole('combobox'), 'eng')
    const option = (await screen.findAllByRole('option'))[0]!
    expect(option.querySelector('mark')?.textContent).toBe('Eng')
  })

  it('announces the number of matching departments', async () => {
    await userEvent.type(screen.getByRole('combobox'), 'sales')
    await screen.findByRole('listbox')
    expect(screen.getByRole('status').textContent).toBe('3 departments found')
  })

  it('says so when no department matches, and describes the field with it', async () => {
    await userEvent.type(screen.getByRole('combobox'), 'zzz')
    const note = await screen.findByText('No matching departments', { selector: '.rk-no-matches' })
    expect(note.hidden).toBe(false)
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(screen.getByRole('combobox').getAttribute('aria-describedby')).toContain(note.id)
    expect(screen.getByRole('status').textContent).toBe('No matching departments')
  })

  it('moves the highlight with the arrow keys and picks with Enter without submitting the form', async () => {
    const { form, input: field, submitted } = departmentForm()
    picker?.destroy()
    picker = createDepartmentPicker(field, inlineSource(compiled.departments, 8), ENGLISH)
    const changes = vi.fn()
    form.addEventListener('change', changes)
    await userEvent.type(field, 'data')
    await screen.findByRole('listbox')
    await userEvent.keyboard('{ArrowDown}{ArrowDown}')
    const [, second] = screen.getAllByRole('option')
    expect(field.getAttribute('aria-activedescendant')).toBe(second!.id)
    expect(second!.getAttribute('aria-selected')).toBe('true')
    await userEvent.keyboard('{Enter}')
    expect(field.value).toBe('Data Science')
    expect(field.getAttribute('aria-expanded')).toBe('false')
    expect(field.hasAttribute('aria-activedescendant')).toBe(false)
    expect(changes).toHaveBeenCalledTimes(1)
    expect(submitted()).toBe(0)
  })

  it('opens on ArrowDown and ArrowUp with the first or last option highlighted; Home and End jump', async () => {
    const combobox = screen.getByRole('combobox')
    combobox.focus()
    await userEvent.keyboard('{ArrowUp}')
    let options = await screen.findAllByRole('option')
    expect(combobox.getAttribute('aria-activedescendant')).toBe(options.at(-1)!.id)
    await userEvent.keyboard('{Home}')
    expect(combobox.getAttribute('aria-activedescendant')).toBe(options[0]!.id)
    await userEvent.keyboard('{End}')
    expect(combobox.getAttribute('aria-activedescendant')).toBe(options.at(-1)!.id)
    await userEvent.keyboard('{Escape}{ArrowDown}')
    options = await screen.findAllByRole('option')
    expect(combobox.getAttribute('aria-activedescendant')).toBe(options[0]!.id)
  })

  it('opens without highlighting on Alt+ArrowDown and closes on Alt+ArrowUp', async () => {
    const combobox = screen.getByRole('combobox')
    combobox.focus()
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}')
    await screen.findByRole('listbox')
    expect(combobox.hasAttribute('aria-activedescendant')).toBe(false)
    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}')
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(document.activeElement).toBe(combobox)
  })

  it('closes on Escape without letting the Escape keyup reach the form, then clears on a second Escape', async () => {
    const keyups = vi.fn()
    document.body.addEventListener('keyup', (event) => keyups(event.key))
    await userEvent.type(screen.getByRole('combobox'), 'leg')
    await screen.findByRole('listbox')
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(input.value).toBe('leg')
    await userEvent.keyboard('{Escape}')
    expect(input.value).toBe('')
    expect(keyups).not.toHaveBeenCalledWith('Escape')
  })

  it('picks an option with the mouse and keeps focus in the field', async () => {
    await userEvent.type(screen.getByRole('combobox'), 'pay')
    await userEvent.click(await screen.findByRole('option', { name: 'Payroll' }))
    expect(input.value).toBe('Payroll')
    expect(document.activeElement).toBe(input)
    expect(screen.queryByRole('listbox')).toBeNull()
  })

  it('waits for IME composition to end before filtering', async () => {
    const combobox = screen.getByRole<HTMLInputElement>('combobox')
    combobox.focus()
    combobox.dispatchEvent(new CompositionEvent('compositionstart'))
    combobox.value = 'tax'
    combobox.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }))
    await Promise.resolve()
    expect(screen.queryByRole('listbox')).toBeNull()
    combobox.dispatchEvent(new CompositionEvent('compositionend'))
    expect(await screen.findByRole('option', { name: 'Tax' })).toBeTruthy()
  })

  it('closes the list when focus leaves the field', async () => {
    await userEvent.type(screen.getByRole('combobox'), 'hum')
    await screen.findByRole('listbox')
    await userEvent.tab()
    expect(screen.queryByRole('listbox')).toBeNull()
  })

  it('keeps the "no matches" note when the user leaves the field, so nothing below it moves under a click', async () => {
    await userEvent.type(screen.getByRole('combobox'), 'qqq')
    const note = await screen.findByText('No matching departments', { selector: '.rk-no-matches' })
    await userEvent.tab()
    expect(note.hidden).toBe(false)
    expect(input.getAttribute('aria-expanded')).toBe('false')
  })

  it('keeps its description when the widget overwrites aria-describedby with an error id', async () => {
    await userEvent.type(screen.getByRole('combobox'), 'qqq')
    const note = await screen.findByText('No matching departments', { selector: '.rk-no-matches' })
    input.setAttribute('aria-describedby', 'input-container-error1')
    await vi.waitFor(() => expect(input.getAttribute('aria-describedby')).toBe(`input-container-error1 ${note.id}`))
  })

  it('removes every element, attribute and listener it added when destroyed', async () => {
    const { input: field } = departmentForm()
    field.setAttribute('aria-describedby', 'hint')
    const before = field.outerHTML
    const form = field.form!
    const pristine = form.innerHTML
    picker?.destroy()
    picker = createDepartmentPicker(field, inlineSource(compiled.departments, 8), ENGLISH)
    await userEvent.type(field, 'zz')
    picker.destroy()
    picker = undefined
    field.value = ''
    expect(field.outerHTML).toBe(before)
    expect(form.innerHTML).toBe(pristine)
    await userEvent.type(field, 'fin')
    expect(document.querySelector('[role="listbox"]')).toBeNull()
  })
})

describe('department names with markup', () => {
  it('renders them as inert text', async () => {
    const hostile = ['<img src=x onerror="window.pwned=1">Ops', '<b>Bold</b> Team']
    upgrade(inlineSource(createDepartmentDirectory(hostile), 8))
    await userEvent.type(screen.getByRole('combobox'), 'o')
    const options = await screen.findAllByRole('option')
    expect(options.map((option) => option.textContent).sort()).toEqual([...hostile].sort())
    expect(document.querySelector('[role="listbox"] img, [role="listbox"] b')).toBeNull()
  })
})

describe('department picker on the departments API', () => {
  // Regression: an answer arriving after the user left the field showed a stray "No matching departments".
  it('shows no "no matches" note for an answer that arrives after the user left the field', async () => {
    let answer: (response: Response) => void = () => {}
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))))
    upgrade(remoteSource('/api/departments', 8, inlineSource(compiled.departments, 8)))
    await userEvent.type(screen.getByRole('combobox'), 'zzz')
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled())
    await userEvent.tab()
    answer(Response.json({ results: [] }))
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('No matching departments'))
    expect(screen.getByText('No matching departments', { selector: '.rk-no-matches' }).hidden).toBe(true)
  })

  it('asks once the user pauses typing, not on every keystroke', async () => {
    const fetchMock = vi.fn(async (url: URL) =>
      Response.json({ results: compiled.departments.search(url.searchParams.get('q') ?? '', 8).map(({ name }) => ({ name })) }),
    )
    vi.stubGlobal('fetch', fetchMock)
    upgrade(remoteSource('/api/departments', 8, inlineSource(compiled.departments, 8)))
    await userEvent.type(screen.getByRole('combobox'), 'fin')
    expect(await screen.findByRole('option', { name: 'Finance' })).toBeTruthy()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls[0]![0].search).toBe('?q=fin&limit=8')
  })
})

describe('department source', () => {
  it('asks the departments API once per query, cancels superseded requests and re-ranks with the shared directory', async () => {
    const requests: string[] = []
    const fetchMock = vi.fn(async (url: URL, init: RequestInit) => {
      requests.push(url.search)
      const q = url.searchParams.get('q') ?? ''
      await new Promise((resolve) => setTimeout(resolve, 5))
      if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError')
      const { matches, total } = compiled.departments.searchWithTotal(q, 8)
      return Response.json({ results: matches.map(({ name }) => ({ name })), total })
    })
    vi.stubGlobal('fetch', fetchMock)
    const source = remoteSource('/api/departments', 8, inlineSource(compiled.departments, 8))
    const first = new AbortController()
    const superseded = source.search('f', first.signal)
    first.abort()
    await expect(superseded).rejects.toThrow()
    const found = await source.search('fin', new AbortController().signal)
    expect(found).toEqual(compiled.departments.searchWithTotal('fin', 8))
    await source.search('FIN ', new AbortController().signal)
    expect(requests).toEqual(['?q=f&limit=8', '?q=fin&limit=8'])
  })

  it('falls back to the inline directory when the API cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch') }))
    const source = remoteSource('https://departments.example.com/api/departments', 8, inlineSource(compiled.departments, 8))
    expect(await source.search('leg', new AbortController().signal)).toEqual(compiled.departments.searchWithTotal('leg', 8))
  })
})
