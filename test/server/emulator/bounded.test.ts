import { describe, expect, it } from 'vitest'
import { makeRoom } from '../../../server/emulator/bounded.ts'

describe('makeRoom', () => {
  it('drops entries that are over from the oldest end, and stops at the first live one', () => {
    const entries = new Map([['a', 1], ['b', 2], ['c', 9], ['d', 1]])
    makeRoom(entries, 10, (expiresAt) => expiresAt < 5)
    expect([...entries.keys()]).toEqual(['c', 'd'])
  })

  it('drops the oldest live entries too until one more fits under the capacity, through the drop given', () => {
    const entries = new Map([['a', 9], ['b', 9], ['c', 9]])
    const dropped: string[] = []
    makeRoom(entries, 2, () => false, (key) => {
      dropped.push(key)
      entries.delete(key)
    })
    expect(dropped).toEqual(['a', 'b'])
    expect(entries.size).toBe(1)
  })
})
