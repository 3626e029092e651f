import { fold, foldLetters } from './text.ts'

/** How well an entry matches a query; lower ranks first. */
const enum Rank {
  Exact = 0,
  Prefix = 1,
  WordPrefix = 2,
  Substring = 3,
}

interface Entry {
  name: string
  key: string
  words: string[]
  /** Which characters the key holds (see charactersOf), to skip most entries without searching their key. */
  characters: number
}

export interface DepartmentMatch {
  name: string
  /** Where the query matched, as [start, end) offsets into `name`, for highlighting. */
  readonly highlights: Array<[number, number]>
}

/**
 * A searchable department directory. The same instance type serves the server's search API, the hook's
 * membership check and the browser's picker, so results rank identically everywhere.
 */
/** The first `limit` ranked matches, and how many entries match in all. */
export interface DepartmentResults {
  matches: DepartmentMatch[]
  total: number
}

export interface DepartmentDirectory {
  readonly size: number
  /** Ranked matches: exact > prefix > every term a word prefix > every term a substring; then A–Z. */
  search(query: string, limit?: number): DepartmentMatch[]
  /** The same, with the number of all matches (the picker says "8 of 23 shown"). */
  searchWithTotal(query: string, limit?: number): DepartmentResults
  /** The canonical spelling for a case-, spacing- and diacritics-insensitive exact match. */
  canonical(value: string): string | undefined
  /** The closest entry for a near miss (a word prefix, or a small typo), if any. */
  suggest(value: string): string | undefined
}

/** No department name is longer; longer input matches nothing and costs no search (any user can send it). */
export const MAX_DEPARTMENT_LENGTH = 200

const WORD = /[\p{L}\p{N}]+/gu

export function createDepartmentDirectory(names: readonly string[]): DepartmentDirectory {
  const entries: Entry[] = names
    .map((name) => {
      const key = fold(name)
      return { name, key, words: key.match(WORD) ?? [], characters: charactersOf(key) }
    })
    .sort((a, b) => compareKeys(a.key, b.key))
  const byKey = new Map(entries.map((entry) => [entry.key, entry.name]))

  // Plain loops: this runs for every entry on every keystroke (budget: 10,000 entries in 1 ms).
  function rank(entry: Entry, key: string, terms: string[], characters: number): Rank | undefined {
    if ((entry.characters & characters) !== characters) return undefined
    for (const term of terms) if (!entry.key.includes(term)) return undefined
    if (entry.key === key) return Rank.Exact
    if (entry.key.startsWith(key)) return Rank.Prefix
    for (const term of terms) if (!startsAnyWord(entry.words, term)) return Rank.Substring
    return Rank.WordPrefix
  }

  // Typing narrows: every term of a query that extends the previous one contains a term of that one,
  // so only the previous query's matches (in directory order) can match it.
  let previous: { key: string; matched: Entry[] } | undefined

  function searchWithTotal(query: string, limit = 10): DepartmentResults {
    if (query.length > MAX_DEPARTMENT_LENGTH) return { matches: [], total: 0 }
    const key = fold(query)
    const terms = key.match(WORD) ?? []
    if (terms.length === 0) return { matches: entries.slice(0, limit).map((entry) => toMatch(entry, terms)), total: entries.length }
    const candidates = previous && key.startsWith(previous.key) ? previous.matched : entries
    const characters = charactersOf(terms.join(''))
    const buckets: Entry[][] = [[], [], [], []]
    const matched: Entry[] = []
    for (const entry of candidates) {
      const found = rank(entry, key, terms, characters)
      if (found === undefined) continue
      // The answer takes at most `limit` from a bucket; the full list of matches is kept for narrowing.
      if (buckets[found]!.length < limit) buckets[found]!.push(entry)
      matched.push(entry)
    }
    previous = { key, matched }
    const matches: DepartmentMatch[] = []
    for (const bucket of buckets) {
      for (const entry of bucket) {
        if (matches.length === limit) return { matches, total: matched.length }
        matches.push(toMatch(entry, terms))
      }
    }
    return { matches, total: matched.length }
  }

  const search = (query: string, limit?: number) => searchWithTotal(query, limit).matches

  function suggest(value: string): string | undefined {
    if (value.length > MAX_DEPARTMENT_LENGTH) return undefined
    const key = fold(value)
    if (key === '') return undefined
    const [best] = search(value, 1)
    if (best) return best.name
    // Up to one edit per four letters; each closer entry narrows the search to fewer edits than it took.
    let budget = Math.max(1, Math.floor(key.length / 4))
    let closest: string | undefined
    const rows = editRows(key.length + budget)
    for (const entry of entries) {
      const distance = editDistance(key, entry.key, budget, rows)
      if (distance > budget) continue
      closest = entry.name
      budget = distance - 1
      if (budget < 0) break
    }
    return closest
  }

  return {
    size: entries.length,
    search,
    searchWithTotal,
    canonical: (value) => (value.length > MAX_DEPARTMENT_LENGTH ? undefined : byKey.get(fold(value))),
    suggest,
  }
}

/**
 * One bit per letter a–z, five for the digits, one for anything else: a key can contain a term only if
 * it has every bit of the term, so one AND rules out most departments for a typed term.
 */
function charactersOf(text: string): number {
  let bits = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 97 && code <= 122) bits |= 1 << (code - 97)
    else if (code >= 48 && code <= 57) bits |= 1 << (26 + ((code - 48) % 5))
    else bits |= 1 << 31
  }
  return bits
}

function startsAnyWord(words: string[], term: string): boolean {
  for (const word of words) if (word.startsWith(term)) return true
  return false
}

/** Highlights are worked out only when read: the API sends names alone, the picker shows a few. */
function toMatch(entry: Entry, terms: string[]): DepartmentMatch {
  let spans: Array<[number, number]> | undefined
  return {
    name: entry.name,
    get highlights() {
      return (spans ??= terms.length === 0 ? [] : highlight(entry.name, terms))
    },
  }
}

// Code-unit order on folded keys: identical in every JavaScript engine, unlike localeCompare.
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The spans of `name` where each term matches, preferring word starts. Offsets are mapped back through
 * folding one character at a time, so accented names highlight the right letters.
 */
function highlight(name: string, terms: string[]): Array<[number, number]> {
  let folded = ''
  const origin: Array<[number, number]> = []
  let offset = 0
  for (const char of name) {
    for (const piece of foldLetters(char)) {
      folded += piece
      origin.push([offset, offset + char.length])
    }
    offset += char.length
  }
  const spans: Array<[number, number]> = []
  for (const term of terms) {
    const at = findPreferringWordStart(folded, term)
    if (at !== -1) spans.push([origin[at]![0], origin[at + term.length - 1]![1]])
  }
  return mergeSpans(spans)
}

function findPreferringWordStart(text: string, term: string): number {
  const first = text.indexOf(term)
  for (let i = first; i !== -1; i = text.indexOf(term, i + 1)) {
    if (i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]!)) return i
  }
  return first
}

function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...spans].sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const span of sorted) {
    const last = merged[merged.length - 1]
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1])
    else merged.push([span[0], span[1]])
  }
  return merged
}

/**
 * Damerau–Levenshtein (optimal string alignment) distance, or `budget + 1` once it exceeds `budget`.
 * Only the diagonal band of width `2 * budget + 1` can stay within budget, so only it is computed.
 */
function editDistance(a: string, b: string, budget: number, rows: EditRows): number {
  const over = budget + 1
  if (Math.abs(a.length - b.length) > budget) return over
  let { before, previous, current } = rows
  for (let j = 0; j <= b.length; j++) previous[j] = Math.min(j, over)
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - budget)
    const to = Math.min(b.length, i + budget)
    current[from - 1] = from === 1 ? Math.min(i, over) : over
    let rowMin: number = current[from - 1]!
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, before[j - 2]! + 1)
      }
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (to < b.length) current[to + 1] = over
    if (rowMin > budget) return over
    const oldest = before
    before = previous
    previous = current
    current = oldest
  }
  return Math.min(previous[b.length]!, over)
}

/** Three rolling rows for editDistance, allocated once per suggestion and reused for every entry. */
interface EditRows {
  before: Uint16Array
  previous: Uint16Array
  current: Uint16Array
}

function editRows(length: number): EditRows {
  return { before: new Uint16Array(length + 1), previous: new Uint16Array(length + 1), current: new Uint16Array(length + 1) }
}
