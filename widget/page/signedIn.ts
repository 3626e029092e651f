import type { Policy } from '../../policy/index.ts'

type Claims = Record<string, unknown>

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '—')

function consentText(claims: Claims, stamp: Policy['consent']['stamp']) {
  const version = claims[stamp.versionAttribute]
  const acceptedAt = claims[stamp.acceptedAtAttribute]
  const locale = claims[stamp.localeAttribute]
  if (version === undefined) return '—'
  const when = typeof acceptedAt === 'string' && !Number.isNaN(Date.parse(acceptedAt)) ? new Date(acceptedAt).toUTCString() : undefined
  const shown = `Version ${text(version)}${when ? `, on ${when}` : ''}`
  return typeof locale === 'string' ? `${shown}, in ${locale}` : shown
}

/** Shows who signed in, from the id token's claims; every value is set as text. */
export function showSignedIn(claims: Claims, policy: Policy, onSignOut: () => void): void {
  const section = document.getElementById('signed-in')!
  const values: Record<string, string> = {
    name: text(claims.name),
    email: text(claims.email),
    department: text(claims[policy.department.attribute]),
    consent: consentText(claims, policy.consent.stamp),
  }
  for (const [claim, value] of Object.entries(values)) {
    const cell = section.querySelector(`[data-claim="${claim}"]`)
    if (cell) cell.textContent = value
  }
  const button = section.querySelector<HTMLButtonElement>('#sign-out')!
  button.addEventListener('click', () => {
    section.hidden = true
    onSignOut()
  }, { once: true })
  section.hidden = false
  section.querySelector('h1')?.focus()
}
