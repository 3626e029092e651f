import type { DepartmentMatch } from '../../../policy/index.ts'

/**
 * One listbox option: the department name as text nodes, the matched parts wrapped in `<mark>`.
 * Names come from a server or a policy file, so they are never parsed as markup.
 */
export function optionView(doc: Document, match: DepartmentMatch, id: string): HTMLLIElement {
  const option = doc.createElement('li')
  option.id = id
  option.setAttribute('role', 'option')
  option.setAttribute('aria-selected', 'false')
  option.className = 'rk-option'
  let from = 0
  for (const [start, end] of match.highlights) {
    if (start > from) option.append(doc.createTextNode(match.name.slice(from, start)))
    const mark = doc.createElement('mark')
    mark.append(doc.createTextNode(match.name.slice(start, end)))
    option.append(mark)
    from = end
  }
  if (from < match.name.length) option.append(doc.createTextNode(match.name.slice(from)))
  return option
}
