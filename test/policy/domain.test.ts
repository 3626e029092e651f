import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toAsciiDomain } from '../../policy/index.ts'

// What the WHATWG URL parser alone makes of a name, with the same DNS rules: the answer toAsciiDomain must
// give, whether or not it asks the parser.
function throughUrlParser(raw: string): string | null {
  const domain = raw.normalize('NFC').toLowerCase()
  if (domain === '' || /[\s/\\?#:@%[\]<>"'`^{|}]|\p{Cc}/u.test(domain)) return null
  let ascii: string
  try {
    ascii = new URL(`http://${domain}`).hostname
  } catch {
    return null
  }
  const labels = ascii.split('.')
  const dnsName = ascii.length <= 253 && labels.length >= 2 && labels.every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label))
  return dnsName && !/^\d+$/.test(labels.at(-1)!) ? ascii : null
}

describe('domains in ASCII form', () => {
  it('agrees with the URL parser on plain, numeric, punycode and mixed-case names', () => {
    // Pieces that reach every branch: punycode (valid and not), hex and decimal numbers, hyphens, upper case.
    const label = fc.oneof(
      fc.stringMatching(/^[a-z0-9-]{1,8}$/),
      fc.constantFrom('xn--', 'xn--bcher-kva', 'xn--zz', '0x1f', '0', '255', '-a', 'a-', 'EXAMPLE', 'ä', 'ﬁ'),
    )
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), fc.boolean(), (labels, trailingDot) => {
        const name = labels.join('.') + (trailingDot ? '.' : '')
        expect(toAsciiDomain(name), name).toBe(throughUrlParser(name))
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps an ordinary domain as it is and maps an internationalized one to punycode', () => {
    expect(toAsciiDomain('Example.COM')).toBe('example.com')
    expect(toAsciiDomain('bücher.example')).toBe('xn--bcher-kva.example')
    expect(toAsciiDomain('10.0.0.1')).toBeNull()
    expect(toAsciiDomain('example.0x1f')).toBeNull()
  })
})
