import { matchLanguage } from '../../policy/index.ts'

/** A text whose wording depends on a number: one form per plural category of the language, `other` required. */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }

/**
 * Every text the kit shows. `{terms}` and `{privacy}` mark where the links go; `{count}` is how many
 * departments match, `{shown}` how many the list holds.
 */
export interface KitTexts {
  consentLabel: string
  consentNotice: string
  termsLink: string
  privacyLink: string
  opensInNewTab: string
  departmentsFound: PluralText
  /** When more departments match than the list holds. */
  departmentsShown: PluralText
  noDepartmentsFound: string
  /** Under a required field left blank that no policy rule covers (the widget's own wording). */
  fieldRequired: string
}

/** The kit's texts in English, the language every other falls back to. */
export const ENGLISH_TEXTS: KitTexts = {
  consentLabel: 'I agree to the {terms} and {privacy}',
  consentNotice: 'By signing up you agree to the {terms} and {privacy}',
  termsLink: 'Terms of Service',
  privacyLink: 'Privacy Policy',
  opensInNewTab: '(opens in a new tab)',
  departmentsFound: { one: '{count} department found', other: '{count} departments found' },
  departmentsShown: { other: '{shown} of {count} departments shown, keep typing' },
  noDepartmentsFound: 'No matching departments',
  fieldRequired: 'This field cannot be left blank',
}

/** Overrides per language (`{ en: {…}, fr: {…} }`): a page's own wording or a language the kit does not ship. */
export type KitTextOverrides = Record<string, Partial<KitTexts>>

/** The kit's texts in one language, as it reads and writes them. */
export interface LocalizedTexts extends KitTexts {
  /** The language these texts are in (BCP 47). */
  language: string
  /** "3 departments found", "8 of 23 departments shown…", or the no-match sentence. */
  countText(shown: number, total: number): string
}

/**
 * The texts for `language`: the overrides for that language (the shipped translations among them, see
 * translations.ts) over English. Another language's overrides never apply: they would mix languages.
 */
export function resolveTexts(language = 'en', overrides: KitTextOverrides = {}): LocalizedTexts {
  const overridden = matchLanguage(language, Object.keys(overrides), '')
  const given = overrides[overridden] ?? {}
  const texts = { ...ENGLISH_TEXTS }
  for (const key of Object.keys(texts) as Array<keyof KitTexts>) {
    const value = given[key]
    if (typeof value === 'string' ? value.trim() !== '' : typeof value?.other === 'string') (texts as Record<string, unknown>)[key] = value
  }
  const resolved = overridden || 'en'
  const plurals = new Intl.PluralRules(resolved)
  const plural = (text: PluralText, count: number) => text[plurals.select(count)] ?? text.other
  return {
    ...texts,
    language: resolved,
    countText(shown, total) {
      if (total === 0) return texts.noDepartmentsFound
      const template = total > shown ? plural(texts.departmentsShown, total) : plural(texts.departmentsFound, total)
      return template.replace('{shown}', String(shown)).replace('{count}', String(total))
    },
  }
}
