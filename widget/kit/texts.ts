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

/** The languages the kit ships; any other falls back to English unless the options give it. */
export const SHIPPED_TEXTS: Record<string, KitTexts> = {
  en: {
    consentLabel: 'I agree to the {terms} and {privacy}',
    consentNotice: 'By signing up you agree to the {terms} and {privacy}',
    termsLink: 'Terms of Service',
    privacyLink: 'Privacy Policy',
    opensInNewTab: '(opens in a new tab)',
    departmentsFound: { one: '{count} department found', other: '{count} departments found' },
    departmentsShown: { other: '{shown} of {count} departments shown, keep typing' },
    noDepartmentsFound: 'No matching departments',
    fieldRequired: 'This field cannot be left blank',
  },
  fr: {
    consentLabel: 'J’accepte les {terms} et la {privacy}',
    consentNotice: 'En vous inscrivant, vous acceptez les {terms} et la {privacy}',
    termsLink: 'Conditions d’utilisation',
    privacyLink: 'Politique de confidentialité',
    opensInNewTab: '(s’ouvre dans un nouvel onglet)',
    departmentsFound: { one: '{count} département trouvé', other: '{count} départements trouvés' },
    departmentsShown: { other: '{shown} départements affichés sur {count}, continuez à taper' },
    noDepartmentsFound: 'Aucun département correspondant',
    fieldRequired: 'Ce champ ne peut pas rester vide',
  },
  de: {
    consentLabel: 'Ich stimme den {terms} und der {privacy} zu',
    consentNotice: 'Mit der Registrierung stimmen Sie den {terms} und der {privacy} zu',
    termsLink: 'Nutzungsbedingungen',
    privacyLink: 'Datenschutzerklärung',
    opensInNewTab: '(öffnet in einem neuen Tab)',
    departmentsFound: { one: '{count} Abteilung gefunden', other: '{count} Abteilungen gefunden' },
    departmentsShown: { other: '{shown} von {count} Abteilungen angezeigt, tippen Sie weiter' },
    noDepartmentsFound: 'Keine passenden Abteilungen',
    fieldRequired: 'Dieses Feld darf nicht leer bleiben',
  },
  es: {
    consentLabel: 'Acepto las {terms} y la {privacy}',
    consentNotice: 'Al registrarse, acepta las {terms} y la {privacy}',
    termsLink: 'Condiciones del servicio',
    privacyLink: 'Política de privacidad',
    opensInNewTab: '(se abre en una pestaña nueva)',
    departmentsFound: { one: '{count} departamento encontrado', other: '{count} departamentos encontrados' },
    departmentsShown: { other: '{shown} de {count} departamentos mostrados, siga escribiendo' },
    noDepartmentsFound: 'No hay departamentos que coincidan',
    fieldRequired: 'Este campo no puede dejarse en blanco',
  },
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

/** The shipped texts closest to `language`, with the page's overrides for that language on top. */
export function resolveTexts(language = 'en', overrides: KitTextOverrides = {}): LocalizedTexts {
  const shipped = matchLanguage(language, Object.keys(SHIPPED_TEXTS), 'en')
  // Only the page's own words for this very language: another language's overrides would mix languages.
  const overridden = matchLanguage(language, Object.keys(overrides), '')
  const given = overrides[overridden] ?? {}
  const texts = { ...SHIPPED_TEXTS[shipped]! }
  for (const key of Object.keys(texts) as Array<keyof KitTexts>) {
    const value = given[key]
    if (typeof value === 'string' ? value.trim() !== '' : typeof value?.other === 'string') (texts as Record<string, unknown>)[key] = value
  }
  const resolved = overridden || shipped
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
