import type { KitTextOverrides } from './texts.ts'

/**
 * The kit's shipped translations. They are applied as overrides of the English texts: the ES module
 * applies them itself, the code-editor snippet carries them as data (npm run snippet), so the script
 * Okta's page loads stays small.
 */
export const TRANSLATIONS: KitTextOverrides = {
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

/** The shipped translations with the page's own words for each language on top. */
export function withTranslations(texts: KitTextOverrides = {}): KitTextOverrides {
  const merged: KitTextOverrides = { ...texts }
  for (const [language, translated] of Object.entries(TRANSLATIONS)) merged[language] = { ...translated, ...texts[language] }
  return merged
}
