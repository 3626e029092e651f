import { readFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import { createDepartmentDirectory, type DepartmentDirectory } from '../../policy/index.ts'
import { CODE_EDITOR_SCRIPT } from '../../server/page/assets.ts'
import { KIT_MODULE } from '../build/kit.ts'

// Budgets, reported by `npm run bench`, never asserted in tests. The IIFE holds both generations' adapters
// (one snippet serves Gen2 and Gen3): at most 10 KB, aiming for 8 KB.
export const KIT_BUDGETS = { iifeGzipBytes: 10 * 1024, iifeAimGzipBytes: 8 * 1024, moduleGzipBytes: 15 * 1024, msPerKeystroke: 1 }

export interface KitBenchResult {
  iifeGzipBytes: number
  moduleGzipBytes: number
  departments: number
  /** Each keystroke extends the query, so the directory narrows its previous matches. */
  msPerKeystrokeTyping: number
  /** Each keystroke shortens the query (backspace, a paste): every department is looked at again. */
  msPerKeystrokeDeleting: number
}

const gzipBytes = (code: string) => gzipSync(code, { level: 9 }).length

/** 10,000 distinct names shaped like real departments ("Regional Finance Operations 0042"). */
function syntheticDirectory(size: number): string[] {
  const first = ['Global', 'Regional', 'Enterprise', 'Digital', 'Corporate', 'Field', 'Product', 'Customer', 'Data', 'Platform']
  const second = ['Finance', 'Engineering', 'Marketing', 'Operations', 'Security', 'Research', 'Sales', 'Support', 'Legal', 'Design']
  const third = ['Operations', 'Services', 'Planning', 'Analytics', 'Development', 'Programs', 'Strategy', 'Enablement', 'Quality', 'Systems']
  return Array.from({ length: size }, (_, i) => `${first[i % 10]} ${second[Math.floor(i / 10) % 10]} ${third[Math.floor(i / 100) % 10]} ${String(i).padStart(4, '0')}`)
}

/** Every prefix of these queries is one keystroke, as the picker searches after each. */
const TYPED = ['finance', 'eng plat', 'reg sec ana', 'customer support', 'zzz', 'data 00']

function msPerKeystroke(directory: DepartmentDirectory, keystrokes: string[]): number {
  for (const query of keystrokes) directory.search(query, 8) // warm up the JIT
  const rounds = 20
  const start = performance.now()
  for (let round = 0; round < rounds; round++) for (const query of keystrokes) directory.search(query, 8)
  return (performance.now() - start) / (rounds * keystrokes.length)
}

export async function measureKit(): Promise<KitBenchResult> {
  // What `npm run build` wrote, as shipped.
  const [iife, module] = await Promise.all([readFile(CODE_EDITOR_SCRIPT, 'utf8'), readFile(KIT_MODULE, 'utf8')])
  const departments = 10_000
  const directory = createDepartmentDirectory(syntheticDirectory(departments))
  const typing = TYPED.flatMap((query) => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)))
  return {
    iifeGzipBytes: gzipBytes(iife),
    moduleGzipBytes: gzipBytes(module),
    departments,
    msPerKeystrokeTyping: msPerKeystroke(directory, typing),
    msPerKeystrokeDeleting: msPerKeystroke(directory, [...typing].reverse()),
  }
}

export function formatKit(result: KitBenchResult): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`
  const verdict = (ok: boolean) => (ok ? 'within budget' : 'OVER BUDGET')
  return [
    `kit  code-editor IIFE (CSS inlined, Gen2 and Gen3), gzip  ${kb(result.iifeGzipBytes)} / ${kb(KIT_BUDGETS.iifeGzipBytes)}  ${verdict(result.iifeGzipBytes <= KIT_BUDGETS.iifeGzipBytes)} (aim ${kb(KIT_BUDGETS.iifeAimGzipBytes)})`,
    `kit  ES module added to the page, gzip     ${kb(result.moduleGzipBytes)} / ${kb(KIT_BUDGETS.moduleGzipBytes)}  ${verdict(result.moduleGzipBytes <= KIT_BUDGETS.moduleGzipBytes)}`,
    ...(['Typing', 'Deleting'] as const).map((how) => {
      const ms = result[`msPerKeystroke${how}`]
      return `kit  filter ${result.departments} departments per keystroke, ${how.toLowerCase()}  ${ms.toFixed(3)} ms / ${KIT_BUDGETS.msPerKeystroke} ms  ${verdict(ms <= KIT_BUDGETS.msPerKeystroke)}`
    }),
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatKit(await measureKit()))
}
