import type { ReasonCode } from './reasons.ts'

/**
 * The messages end users see under a field, in the languages the product ships. A policy file overrides
 * any of them per language; `en` is the fallback for every other language.
 * Placeholders: {domain}, {allowedDomains}, {min}, {max}, {suggestion}.
 */
export const DEFAULT_MESSAGES = {
  summary: 'Some of the details you entered cannot be used. Correct the highlighted fields and try again.',
  invalidEmail: 'Enter a valid email address, like name@example.com.',
  emailDomainNotAllowed: 'Use your work email address. Only {allowedDomains} addresses can register.',
  emailDomainDenied: 'Email addresses at {domain} cannot register. Use your work email address.',
  freeEmail: 'Use your work email address. Free email providers such as {domain} cannot be used.',
  disposableEmail: 'Use a permanent email address. Disposable addresses such as {domain} cannot be used.',
  invalidName: 'Use {min} to {max} letters, spaces, apostrophes, hyphens or periods.',
  departmentRequired: 'Choose your department from the list.',
  unknownDepartment: 'Choose a department from the list.',
  unknownDepartmentSuggestion: 'Choose a department from the list. Did you mean {suggestion}?',
  termsNotAccepted: 'To create an account, agree to the Terms of Service and Privacy Policy.',
} as const

export type MessageKey = keyof typeof DEFAULT_MESSAGES
export type MessageSet = Record<MessageKey, string>

/** Which rule each field message reports; the summary belongs to none. */
export type FieldMessageKey = Exclude<MessageKey, 'summary'>

export const MESSAGE_REASONS: Record<FieldMessageKey, ReasonCode> = {
  invalidEmail: 'INVALID_EMAIL',
  emailDomainNotAllowed: 'INVALID_EMAIL_DOMAIN',
  emailDomainDenied: 'INVALID_EMAIL_DOMAIN',
  freeEmail: 'FREE_EMAIL_PROVIDER',
  disposableEmail: 'DISPOSABLE_EMAIL',
  invalidName: 'INVALID_NAME',
  departmentRequired: 'UNKNOWN_DEPARTMENT',
  unknownDepartment: 'UNKNOWN_DEPARTMENT',
  unknownDepartmentSuggestion: 'UNKNOWN_DEPARTMENT',
  termsNotAccepted: 'TERMS_NOT_ACCEPTED',
}

export const MESSAGE_PLACEHOLDERS = ['domain', 'allowedDomains', 'min', 'max', 'suggestion'] as const

/** The shipped translations of the default messages. */
export const SHIPPED_MESSAGES: Record<string, MessageSet> = {
  en: DEFAULT_MESSAGES,
  fr: {
    summary: 'Certaines informations saisies ne peuvent pas être utilisées. Corrigez les champs signalés et réessayez.',
    invalidEmail: 'Saisissez une adresse e-mail valide, par exemple nom@example.com.',
    emailDomainNotAllowed: 'Utilisez votre adresse e-mail professionnelle. Seules les adresses {allowedDomains} peuvent s’inscrire.',
    emailDomainDenied: 'Les adresses e-mail de {domain} ne peuvent pas s’inscrire. Utilisez votre adresse professionnelle.',
    freeEmail: 'Utilisez votre adresse e-mail professionnelle. Les messageries gratuites comme {domain} ne sont pas acceptées.',
    disposableEmail: 'Utilisez une adresse e-mail permanente. Les adresses jetables comme {domain} ne sont pas acceptées.',
    invalidName: 'Utilisez de {min} à {max} lettres, espaces, apostrophes, traits d’union ou points.',
    departmentRequired: 'Choisissez votre département dans la liste.',
    unknownDepartment: 'Choisissez un département dans la liste.',
    unknownDepartmentSuggestion: 'Choisissez un département dans la liste. Vouliez-vous dire {suggestion} ?',
    termsNotAccepted: 'Pour créer un compte, acceptez les conditions d’utilisation et la politique de confidentialité.',
  },
  de: {
    summary: 'Einige Ihrer Angaben können nicht verwendet werden. Korrigieren Sie die markierten Felder und versuchen Sie es erneut.',
    invalidEmail: 'Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.',
    emailDomainNotAllowed: 'Verwenden Sie Ihre geschäftliche E-Mail-Adresse. Nur Adressen von {allowedDomains} können sich registrieren.',
    emailDomainDenied: 'E-Mail-Adressen von {domain} können sich nicht registrieren. Verwenden Sie Ihre geschäftliche Adresse.',
    freeEmail: 'Verwenden Sie Ihre geschäftliche E-Mail-Adresse. Kostenlose Anbieter wie {domain} sind nicht zulässig.',
    disposableEmail: 'Verwenden Sie eine dauerhafte E-Mail-Adresse. Wegwerfadressen wie {domain} sind nicht zulässig.',
    invalidName: 'Verwenden Sie {min} bis {max} Buchstaben, Leerzeichen, Apostrophe, Bindestriche oder Punkte.',
    departmentRequired: 'Wählen Sie Ihre Abteilung aus der Liste.',
    unknownDepartment: 'Wählen Sie eine Abteilung aus der Liste.',
    unknownDepartmentSuggestion: 'Wählen Sie eine Abteilung aus der Liste. Meinten Sie {suggestion}?',
    termsNotAccepted: 'Um ein Konto zu erstellen, stimmen Sie den Nutzungsbedingungen und der Datenschutzerklärung zu.',
  },
  es: {
    summary: 'Algunos de los datos introducidos no se pueden usar. Corrija los campos marcados e inténtelo de nuevo.',
    invalidEmail: 'Introduzca una dirección de correo válida, como nombre@example.com.',
    emailDomainNotAllowed: 'Use su correo electrónico del trabajo. Solo pueden registrarse las direcciones de {allowedDomains}.',
    emailDomainDenied: 'Las direcciones de {domain} no pueden registrarse. Use su correo electrónico del trabajo.',
    freeEmail: 'Use su correo electrónico del trabajo. No se aceptan proveedores gratuitos como {domain}.',
    disposableEmail: 'Use una dirección de correo permanente. No se aceptan direcciones desechables como {domain}.',
    invalidName: 'Use de {min} a {max} letras, espacios, apóstrofos, guiones o puntos.',
    departmentRequired: 'Elija su departamento de la lista.',
    unknownDepartment: 'Elija un departamento de la lista.',
    unknownDepartmentSuggestion: 'Elija un departamento de la lista. ¿Quería decir {suggestion}?',
    termsNotAccepted: 'Para crear una cuenta, acepte las condiciones del servicio y la política de privacidad.',
  },
}

/** A BCP 47 language tag as the widget and Okta profiles use them: "en", "fr", "pt-BR", "zh-CN". */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

/**
 * The best of `available` for a BCP 47 tag: the tag itself, then its language ("fr-CA" → "fr"), then
 * `fallback`. Matching ignores case ("pt-br" is "pt-BR").
 */
export function matchLanguage(tag: string | undefined, available: readonly string[], fallback: string): string {
  if (!tag) return fallback
  // Okta profiles write "en_US"; the widget and browsers write "en-US".
  const wanted = tag.toLowerCase().replace(/_/g, '-')
  const primary = wanted.split('-', 1)[0]
  let byPrimary: string | undefined
  for (const language of available) {
    const lower = language.toLowerCase()
    if (lower === wanted) return language
    if (lower === primary) byPrimary = language
  }
  return byPrimary ?? fallback
}
