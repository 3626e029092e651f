/**
 * Makes room in an insertion-ordered map before one more entry goes in: from the oldest end, drops the
 * entries that are over and then as many as it takes to stay under `capacity`, so no client can grow the
 * process's memory. It stops at the first entry that is live and may stay: where insertion order is expiry
 * order, it only looks at what it drops.
 */
export function makeRoom<K, V>(
  entries: Map<K, V>,
  capacity: number,
  isOver: (value: V) => boolean,
  drop: (key: K, value: V) => void = (key) => entries.delete(key),
): void {
  for (const [key, value] of entries) {
    if (entries.size < capacity && !isOver(value)) return
    drop(key, value)
  }
}
