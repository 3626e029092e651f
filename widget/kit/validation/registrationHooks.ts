import type { RegistrationPolicy } from '../../../policy/index.ts'
import { profileAttribute } from '../signUpForm.ts'
import type { RegistrationCallbacks, RegistrationData } from '../types.ts'
import { checkProfile, type FormFields, type ProfileCheck } from './profileCheck.ts'

export interface RegistrationHooksOptions {
  policy: RegistrationPolicy
  /** The form being submitted, or `undefined` when the kit should not check it (e.g. progressive profile). */
  currentForm(): FormFields | undefined
  onPostSubmit?: (email: string) => void
  /** Hears every check the kit made before a submit, passed or not. */
  onChecked?: (check: ProfileCheck) => void
}

export const CHAINED_CALLBACKS = ['parseSchema', 'preSubmit', 'postSubmit'] as const

/**
 * Marks a field the kit relaxed. A widget may keep the schema `parseSchema` returns and pass it in again
 * on the next render of the same form (Gen3 does after every rejected submit): the mark then tells a
 * required field from one that was optional all along. Gen3's transform reads it too (see showRequired).
 */
export const REQUIRED_BY_KIT = 'requiredByKit'

interface SchemaField {
  name?: unknown
  required?: unknown
  [REQUIRED_BY_KIT]?: unknown
}

/** The profile attribute a schema field requires, if it is one. */
const requiredAttribute = ({ name, required, [REQUIRED_BY_KIT]: relaxed }: SchemaField) =>
  required === true || relaxed === true ? profileAttribute(name) : undefined

/**
 * The kit's `parseSchema`, `preSubmit` and `postSubmit`, chained in front of the page's own: the page's
 * callbacks see what the kit made of the data and keep the last word.
 *
 * Both widgets check required fields themselves before `preSubmit` and stop there, so a user with one
 * blank field would learn of the other problems only on the next submit. So the kit takes the required
 * checks over: `parseSchema` tells the widget the profile fields are optional, and `preSubmit` reports
 * blank required fields together with every policy problem. Gen2 adds no "Optional" marker then; on
 * Gen3 the transform shows the fields as required again.
 */
export function registrationHooks(
  existing: RegistrationCallbacks,
  options: RegistrationHooksOptions,
): Required<Pick<RegistrationCallbacks, (typeof CHAINED_CALLBACKS)[number]>> {
  const { parseSchema: pageParseSchema, preSubmit: pagePreSubmit, postSubmit: pagePostSubmit } = existing
  let required: ReadonlySet<string> = new Set()
  return {
    parseSchema(schema, onSuccess, onFailure) {
      const fields = Array.isArray(schema) ? (schema as SchemaField[]) : undefined
      const relaxed = fields?.map((field) => (requiredAttribute(field) ? { ...field, required: false, [REQUIRED_BY_KIT]: true } : field))
      if (fields) required = new Set(fields.map(requiredAttribute).filter((attribute) => attribute !== undefined))
      // Synchronously: Gen2 applies a changed schema only when onSuccess is called at once.
      if (pageParseSchema) pageParseSchema(relaxed ?? schema, onSuccess, onFailure)
      else onSuccess(relaxed ?? schema)
    },
    preSubmit(data: RegistrationData, onSuccess, onFailure) {
      const form = options.currentForm()
      const checked = form ? checkProfile(data, options.policy, { ...form, required }) : { ok: true as const, data }
      options.onChecked?.(checked)
      if (!checked.ok) {
        onFailure(checked.failure)
        return
      }
      if (pagePreSubmit) pagePreSubmit(checked.data, onSuccess, onFailure)
      else onSuccess(checked.data)
    },
    postSubmit(response, onSuccess, onFailure) {
      if (typeof response === 'string') options.onPostSubmit?.(response)
      if (pagePostSubmit) pagePostSubmit(response, onSuccess, onFailure)
      else onSuccess(response)
    },
  }
}
