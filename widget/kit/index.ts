export { registrationKit } from './registrationKit.ts'
export type {
  RegistrationKitHandle,
  RegistrationKitOptions,
  RegistrationErrorEvent,
  RegistrationProblem,
  RegistrationCallbacks,
  RegistrationData,
  RegistrationFailure,
  FieldError,
  SignInWidget,
  WidgetConfig,
} from './types.ts'
export { ENGLISH_TEXTS, resolveTexts, type KitTexts, type KitTextOverrides, type LocalizedTexts, type PluralText } from './texts.ts'
export { TRANSLATIONS, withTranslations } from './translations.ts'
export { createDepartmentPicker, type DepartmentPicker } from './departmentPicker/departmentPicker.ts'
export { inlineSource, remoteSource, type DepartmentSource } from './departmentPicker/departmentSource.ts'
export { applyConsent, type ConsentTarget } from './consent/consent.ts'
export { checkProfile, type FormFields, type ProfileCheck } from './validation/profileCheck.ts'
