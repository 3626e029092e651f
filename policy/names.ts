import type { Policy } from './schema.ts'
import { tidy } from './text.ts'

// Letters of any script, combining marks, spaces, apostrophes, hyphens and periods.
const NAME_CHARACTERS = /^[\p{L}\p{M} '\u2019.\-\u2010\u2011]+$/u
const HAS_LETTER = /\p{L}/u
// "evil.com", "x.co": a period between letters followed by two or more letters reads as a web address.
// Initials ("J.R.R.") and "St. John" still pass.
const LOOKS_LIKE_ADDRESS = /\p{L}\.\p{L}{2,}/u

/** The tidied name, or undefined when it breaks the name rules. */
export function checkName(raw: unknown, rules: Policy['names']): string | undefined {
  if (typeof raw !== 'string') return undefined
  const name = tidy(raw)
  const length = Array.from(name).length
  if (length < rules.minLength || length > rules.maxLength) return undefined
  if (!NAME_CHARACTERS.test(name) || !HAS_LETTER.test(name) || LOOKS_LIKE_ADDRESS.test(name)) return undefined
  return name
}
