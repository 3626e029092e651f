export { registrationKit } from './registrationKit.ts'
export type {
  RegistrationKitHandle,
  RegistrationKitOptions,
  RegistrationErrorEvent,
  RegistrationCallbacks,
  RegistrationData,
  RegistrationFailure,
  FieldError,
  SignInWidget,
  WidgetConfig,
} from './types.ts'
export { DEFAULT_TEXTS, type KitTexts } from './texts.ts'
export { createDepartmentPicker, type DepartmentPicker } from './departmentPicker/departmentPicker.ts'
export { inlineSource, remoteSource, type DepartmentSource } from './departmentPicker/departmentSource.ts'
export { applyConsent, type ConsentTarget } from './consent/consent.ts'
export { checkProfile, type FormFields, type ProfileCheck } from './validation/profileCheck.ts'
