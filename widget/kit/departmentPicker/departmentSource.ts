import { createDepartmentDirectory, fold, type DepartmentDirectory, type DepartmentMatch } from '../../../policy/index.ts'

/** Where the picker's matches come from. */
export interface DepartmentSource {
  /** How long to wait after a keystroke before searching: only worth it when searching costs a request. */
  readonly debounceMs: number
  search(query: string, signal: AbortSignal): Promise<DepartmentMatch[]>
}

/** Searches the policy's own directory in memory: same ranking as the server, no network. */
export function inlineSource(directory: DepartmentDirectory, limit: number): DepartmentSource {
  return {
    debounceMs: 0,
    search: async (query) => directory.search(query, limit),
  }
}

interface DepartmentsResponse {
  results: Array<{ name: string }>
}

function isDepartmentsResponse(body: unknown): body is DepartmentsResponse {
  const results = (body as { results?: unknown } | null)?.results
  return Array.isArray(results) && results.every((entry) => typeof (entry as { name?: unknown })?.name === 'string')
}

/**
 * Asks `GET url?q=&limit=` (the server ranks with the same directory code) and caches answers per folded
 * query. When the server cannot be reached (no CORS on a hosted page, offline) it switches to `fallback`
 * for the rest of the page's life instead of failing on every keystroke.
 */
export function remoteSource(url: string, limit: number, fallback: DepartmentSource): DepartmentSource {
  const cache = new Map<string, DepartmentMatch[]>()
  let reachable = true
  return {
    debounceMs: 150,
    async search(query, signal) {
      if (!reachable) return fallback.search(query, signal)
      const key = fold(query)
      const cached = cache.get(key)
      if (cached) return cached
      let names: string[]
      try {
        const request = new URL(url, document.baseURI)
        request.searchParams.set('q', query)
        request.searchParams.set('limit', String(limit))
        const response = await fetch(request, { signal, headers: { accept: 'application/json' } })
        const body: unknown = response.ok ? await response.json() : undefined
        if (!isDepartmentsResponse(body)) throw new Error(`Unexpected departments response (${response.status})`)
        names = body.results.map((entry) => entry.name)
      } catch (error) {
        if (signal.aborted) throw error
        reachable = false
        return fallback.search(query, signal)
      }
      // The server sends names only; ranking them again with the same code keeps its order and adds highlights.
      const matches = createDepartmentDirectory(names).search(query, limit)
      cache.set(key, matches)
      return matches
    },
  }
}
