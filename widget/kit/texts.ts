/**
 * Every text the kit shows. `{terms}` and `{privacy}` mark where the links go, `{count}` the number of
 * results; brand teams translate by passing their own strings.
 */
export interface KitTexts {
  consentLabel: string
  consentNotice: string
  termsLink: string
  privacyLink: string
  opensInNewTab: string
  departmentsFound: string
  oneDepartmentFound: string
  noDepartmentsFound: string
}

export const DEFAULT_TEXTS: KitTexts = {
  consentLabel: 'I agree to the {terms} and {privacy}',
  consentNotice: 'By signing up you agree to the {terms} and {privacy}',
  termsLink: 'Terms of Service',
  privacyLink: 'Privacy Policy',
  opensInNewTab: '(opens in a new tab)',
  departmentsFound: '{count} departments found',
  oneDepartmentFound: '1 department found',
  noDepartmentsFound: 'No matching departments',
}

export function resolveTexts(overrides: Partial<KitTexts> = {}): KitTexts {
  const texts = { ...DEFAULT_TEXTS }
  for (const key of Object.keys(DEFAULT_TEXTS) as Array<keyof KitTexts>) {
    const value = overrides[key]
    if (typeof value === 'string' && value.trim() !== '') texts[key] = value
  }
  return texts
}

/** "3 departments found", "1 department found" or the no-match sentence. */
export function countText(texts: KitTexts, count: number): string {
  if (count === 0) return texts.noDepartmentsFound
  if (count === 1) return texts.oneDepartmentFound
  return texts.departmentsFound.replace('{count}', String(count))
}
