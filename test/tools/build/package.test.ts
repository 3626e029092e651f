import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { POLICY_JSON_SCHEMA, policyJsonSchema } from '../../../tools/build/package.ts'
import { defaultPolicy } from '../../helpers/policy.ts'

const shipped = () => JSON.parse(readFileSync(POLICY_JSON_SCHEMA, 'utf8'))
const validator = () => new Ajv2020({ allErrors: true, strict: false }).compile(shipped())

describe('the policy file’s JSON Schema', () => {
  it('is the one the zod schema gives (npm run build writes it)', () => {
    expect(readFileSync(POLICY_JSON_SCHEMA, 'utf8')).toBe(policyJsonSchema())
  })

  it('is the schema the shipped policy names for editors, and the shipped policy passes it', () => {
    expect(defaultPolicy.$schema).toBe('./policy.schema.json')
    const validate = validator()
    expect(validate(defaultPolicy), JSON.stringify(validate.errors)).toBe(true)
  })

  it('points an editor at a misspelled setting and a value of the wrong type', () => {
    const validate = validator()
    expect(validate({ ...defaultPolicy, email: { allowedDomain: ['example.com'] }, names: { maxLength: 'fifty' } })).toBe(false)
    expect(validate.errors?.map(({ instancePath, keyword }) => `${instancePath} ${keyword}`)).toEqual(
      expect.arrayContaining(['/email additionalProperties', '/names/maxLength type']),
    )
  })
})
