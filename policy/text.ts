/**
 * Folds text for comparison: compatibility decomposition, no diacritics, lower case, single spaces.
 * "  Recherche &  Développement " and "recherche & developpement" fold to the same key.
 */
export function fold(text: string): string {
  return foldLetters(text).replace(/\s+/gu, ' ').trim()
}

/** Folds letters only (decomposition, no diacritics, lower case), keeping white space as it is. */
export function foldLetters(text: string): string {
  // ASCII has nothing to decompose: most input skips Unicode normalization.
  return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
}

/** Trims and collapses runs of white space, keeping the text's own characters (NFC). */
export function tidy(text: string): string {
  return (ASCII.test(text) ? text : text.normalize('NFC')).replace(/\s+/gu, ' ').trim()
}

// The whole ASCII range, control characters included: such text needs no Unicode normalization.
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/

/** Fills `{name}` placeholders; unknown placeholders are left as written. */
export function fillMessage(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}

/** "a", "a or b", "a, b or c" in the given language: for messages that list allowed values. */
export function listOr(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'disjunction' }).format(items)
}
