import { createDepartmentDirectory, fold, type DepartmentDirectory, type DepartmentResults } from '../../../policy/index.ts'

/** Where the picker's matches come from. */
export interface DepartmentSource {
  /** How long to wait after a keystroke before searching: only worth it when searching costs a request. */
  readonly debounceMs: number
  search(query: string, signal: AbortSignal): Promise<DepartmentResults>
}

/** Searches the policy's own directory in memory: same ranking as the server, no network. */
export function inlineSource(directory: DepartmentDirectory, limit: number): DepartmentSource {
  return {
    debounceMs: 0,
    search: async (query) => directory.searchWithTotal(query, limit),
  }
}

interface DepartmentsResponse {
  results: Array<{ name: string }>
  total?: number
}

function isDepartmentsResponse(body: unknown): body is DepartmentsResponse {
  const { results, total } = (body ?? {}) as { results?: unknown; total?: unknown }
  return (
    Array.isArray(results) &&
    results.every((entry) => typeof (entry as { name?: unknown })?.name === 'string') &&
    (total === undefined || (Number.isInteger(total) && (total as number) >= 0))
  )
}

/**
 * Asks `GET url?q=&limit=` (the server ranks with the same directory code) and caches answers per folded
 * query. When the server cannot be reached (no CORS on a hosted page, offline) it switches to `fallback`
 * for the rest of the page's life instead of failing on every keystroke.
 */
export function remoteSource(url: string, limit: number, fallback: DepartmentSource): DepartmentSource {
  const cache = new Map<string, DepartmentResults>()
  let reachable = true
  return {
    debounceMs: 150,
    async search(query, signal) {
      if (!reachable) return fallback.search(query, signal)
      const key = fold(query)
      const cached = cache.get(key)
      if (cached) return cached
      let answer: DepartmentsResponse
      try {
        const request = new URL(url, document.baseURI)
        request.searchParams.set('q', query)
        request.searchParams.set('limit', String(limit))
        const response = await fetch(request, { signal, headers: { accept: 'application/json' } })
        const body: unknown = response.ok ? await response.json() : undefined
        // Caught below like a network failure: the picker falls back to the inlined directory.
        if (!isDepartmentsResponse(body)) throw new TypeError('departments')
        answer = body
      } catch (error) {
        if (signal.aborted) throw error
        reachable = false
        return fallback.search(query, signal)
      }
      // The server sends names only; ranking them again with the same code keeps its order and adds highlights.
      const names = answer.results.map((entry) => entry.name)
      const matches = createDepartmentDirectory(names).search(query, limit)
      // A server that does not count (an older version) lets the list say only what it holds.
      const found = { matches, total: Math.max(answer.total ?? matches.length, matches.length) }
      cache.set(key, found)
      return found
    },
  }
}
