import type { RegistrationPolicy } from '../../../policy/index.ts'
import type { RegistrationCallbacks, RegistrationData } from '../types.ts'
import { checkProfile, type FormFields, type ProfileCheck } from './profileCheck.ts'

export interface RegistrationHooksOptions {
  policy: RegistrationPolicy
  /** The form being submitted, or `undefined` when the kit should not check it (e.g. progressive profile). */
  currentForm(): FormFields | undefined
  onPostSubmit?: (email: string) => void
  /** Hears every check the kit made before a submit, passed or not. */
  onChecked?: (check: ProfileCheck) => void
  /** Whether the kit checks required fields itself, so that one submit shows every problem (see below). */
  takeOverRequired: boolean
}

export const CHAINED_CALLBACKS = ['parseSchema', 'preSubmit', 'postSubmit'] as const

interface SchemaField {
  name?: unknown
  required?: unknown
}

const PROFILE = 'userProfile.'

/** The profile attribute a schema field requires, if it is one. */
const requiredAttribute = ({ name, required }: SchemaField) =>
  required === true && typeof name === 'string' && name.startsWith(PROFILE) ? name.slice(PROFILE.length) : undefined

/**
 * The kit's `parseSchema`, `preSubmit` and `postSubmit`, chained in front of the page's own: the page's
 * callbacks see what the kit made of the data and keep the last word.
 *
 * Both widgets check required fields themselves before `preSubmit` and stop there, so a user with one
 * blank field learns of the other problems only on the next submit. Where the widget allows it (Gen2),
 * the kit takes the required checks over: `parseSchema` lets the widget treat the profile fields as
 * optional (Gen2 adds no "Optional" marker then), and `preSubmit` reports blank required fields together
 * with every policy problem.
 */
export function registrationHooks(
  existing: RegistrationCallbacks,
  options: RegistrationHooksOptions,
): Required<Pick<RegistrationCallbacks, (typeof CHAINED_CALLBACKS)[number]>> {
  const { parseSchema: pageParseSchema, preSubmit: pagePreSubmit, postSubmit: pagePostSubmit } = existing
  let required: ReadonlySet<string> = new Set()
  return {
    parseSchema(schema, onSuccess, onFailure) {
      const fields = options.takeOverRequired && Array.isArray(schema) ? (schema as SchemaField[]) : undefined
      const relaxed = fields?.map((field) => (requiredAttribute(field) ? { ...field, required: false } : field))
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
