import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createDepartmentDirectory, fold } from '../../policy/index.ts'
import { defaultPolicy, registrationPolicy } from '../helpers/policy.ts'

const directory = createDepartmentDirectory(defaultPolicy.department.directory)
const names = (query: string, limit?: number) => directory.search(query, limit).map((match) => match.name)

describe('department search', () => {
  it('ranks an exact match first, then prefixes, word prefixes and substrings', () => {
    const local = createDepartmentDirectory(['Legal Operations', 'Paralegal', 'Legal', 'Global Legal Affairs'])
    expect(local.search('legal').map((m) => m.name)).toEqual(['Legal', 'Legal Operations', 'Global Legal Affairs', 'Paralegal'])
  })

  it('matches every term as a word prefix, in any order', () => {
    expect(names('res hum')).toEqual(['Human Resources'])
    expect(names('eng plat')).toEqual(['Platform Engineering'])
  })

  it('ignores case, diacritics and extra spaces', () => {
    const local = createDepartmentDirectory(['Recherche et Développement', 'Finance'])
    expect(local.search('  DEVELOPPEMENT ').map((m) => m.name)).toEqual(['Recherche et Développement'])
  })

  it('lists departments A–Z for an empty query, up to the limit', () => {
    expect(names('', 3)).toEqual(['Accounting', 'Accounts Payable', 'Accounts Receivable'])
  })

  it('returns nothing for a query that matches no department', () => {
    expect(names('zzz')).toEqual([])
  })

  it('marks the matched part of each name for highlighting', () => {
    const [human] = directory.search('hum res')
    expect(human?.highlights).toEqual([
      [0, 3],
      [6, 9],
    ])
    const local = createDepartmentDirectory(['Développement'])
    expect(local.search('velo')[0]?.highlights).toEqual([[2, 6]])
  })

  it('answers a query the same whatever was searched before it, as when typing, pasting or deleting', () => {
    // Queries built from pieces of real names, so that one often extends another.
    const piece = fc.constantFrom('e', 'en', 'eng', ' ', 'plat', 'fin', 'ance', 'hum', ' res', 'o', 'É', '-', '  ')
    const query = fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join(''))
    fc.assert(
      fc.property(fc.array(query, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 80 }), (queries, limit) => {
        const typing = createDepartmentDirectory(defaultPolicy.department.directory)
        for (const typed of queries) {
          const fresh = createDepartmentDirectory(defaultPolicy.department.directory)
          expect(typing.search(typed, limit).map((match) => match.name), typed).toEqual(fresh.search(typed, limit).map((match) => match.name))
        }
      }),
    )
  })

  it('returns exactly the departments that contain every folded query term', () => {
    const names = [...defaultPolicy.department.directory, 'Ørsted Façade Ωmega', 'Équipe 42', 'R&D (EMEA)']
    const local = createDepartmentDirectory(names)
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('ø', 'Ω', 'é', '4', '2 e', 'q', 'emea r'))
    fc.assert(
      fc.property(text, (query) => {
        const terms = fold(query).match(/[\p{L}\p{N}]+/gu) ?? []
        fc.pre(terms.length > 0)
        const containing = names.filter((name) => terms.every((term) => fold(name).includes(term)))
        expect(local.search(query, names.length).map((match) => match.name).sort()).toEqual(containing.sort())
      }),
    )
  })
})

describe('department rule', () => {
  const policy = registrationPolicy()
  const check = (department: unknown) => policy.evaluate({ department }, { mode: 'profileUpdate' })

  it('stores the canonical spelling of a case- and spacing-insensitive match', () => {
    expect(check('  human   RESOURCES ')).toEqual({ issues: [], updates: { department: 'Human Resources' } })
  })

  it('suggests the closest department for a typo', () => {
    expect(check('Enginering').issues[0]).toEqual({
      attribute: 'department',
      reason: 'UNKNOWN_DEPARTMENT',
      message: 'Choose a department from the list. Did you mean Engineering?',
    })
  })

  it('suggests a department that starts with what was typed', () => {
    expect(check('Finan').issues[0]?.message).toContain('Did you mean Finance?')
  })

  it('says only to choose from the list when nothing is close', () => {
    expect(check('Astronaut Corps').issues[0]?.message).toBe('Choose a department from the list.')
  })

  it('requires a department on registration', () => {
    const { issues } = policy.evaluate({}, { mode: 'registration' })
    expect(issues.find((issue) => issue.attribute === 'department')).toEqual({
      attribute: 'department',
      reason: 'UNKNOWN_DEPARTMENT',
      message: 'Choose your department from the list.',
    })
  })
})

describe('typo suggestions', () => {
  // The textbook optimal-string-alignment distance, full table, no shortcuts: what suggest must agree with.
  function reference(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
      }
    }
    return d[a.length]![b.length]!
  }
  const entries = defaultPolicy.department.directory.map((name) => ({ name, key: fold(name) })).sort((a, b) => (a.key < b.key ? -1 : 1))

  it('suggests the first department, A–Z, at the smallest distance within one edit per four letters', () => {
    // Typos made from real names (a letter dropped, two swapped, one added) and random text.
    const misspell = (text: string, n: number) => {
      const at = n % text.length
      if (n % 3 === 0) return text.slice(0, at) + text.slice(at + 1)
      if (n % 3 === 1) return at + 1 < text.length ? text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2) : text
      return `${text.slice(0, at)}x${text.slice(at)}`
    }
    const typo = fc
      .tuple(fc.constantFrom(...entries.map((entry) => entry.key)), fc.array(fc.nat(), { maxLength: 3 }))
      .map(([key, edits]) => edits.reduce(misspell, key))
    fc.assert(
      fc.property(fc.oneof(typo, fc.string({ minLength: 1, maxLength: 12 })), (input) => {
        const key = fold(input)
        fc.pre(key !== '' && directory.search(input, 1).length === 0)
        const budget = Math.max(1, Math.floor(key.length / 4))
        const best = Math.min(...entries.map((entry) => reference(key, entry.key)))
        const expected = best <= budget ? entries.find((entry) => reference(key, entry.key) === best)!.name : undefined
        expect(directory.suggest(input)).toBe(expected)
      }),
      { numRuns: 300 },
    )
  })
})

describe('department input longer than any department', () => {
  it('matches nothing and suggests nothing, without searching', () => {
    const long = 'engineering '.repeat(20)
    expect(directory.search(long)).toEqual([])
    expect(directory.canonical(long)).toBeUndefined()
    expect(directory.suggest(long)).toBeUndefined()
  })
})
