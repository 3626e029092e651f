import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// A fresh clone of this repository alone must build, run and pass its tests: no code may reach for a file
// beside it (a shared folder, a design note) that its users do not have.

const root = path.join(import.meta.dirname, '../..')
const FOLDERS = ['server', 'widget', 'policy', 'tools', 'test']
const CODE = /\.(ts|js|mjs|cjs|json|html|css)$/

const self = path.relative(root, import.meta.filename)
const files = FOLDERS.flatMap((folder) => {
  try {
    return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => CODE.test(name) && !name.split(path.sep).includes('node_modules'))
      .map((name) => path.join(folder, name))
      .filter((file) => file !== self) // its own samples name what it looks for
  } catch {
    return []
  }
})
const documents = new Set(
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && !name.startsWith('node_modules'))
    .map((name) => path.basename(name)),
)

interface Finding {
  at: string
  problem: string
}

/** Every place in `source` that points outside the repository. */
function outsideReferences(file: string, source: string): Finding[] {
  const findings: Finding[] = []
  source.split('\n').forEach((line, index) => {
    const at = `${file}:${index + 1}`
    for (const [, relative = ''] of line.matchAll(/['"`](\.\.?\/[^'"`$]*)/g)) {
      const target = path.resolve(root, path.dirname(file), relative)
      if (path.relative(root, target).startsWith('..')) findings.push({ at, problem: `path outside the repository: ${relative}` })
    }
    for (const [named] of line.matchAll(/(?:\/work\/|\bshared\/(?:fixtures|okta|design|style)\b)/g)) {
      findings.push({ at, problem: `names a folder outside the repository: ${named}` })
    }
    for (const [, note = ''] of line.matchAll(/([\w.-]+\.md)\b/g)) {
      if (!documents.has(note)) findings.push({ at, problem: `cites a note that is not in the repository: ${note}` })
    }
  })
  return findings
}

describe('the repository stands alone', () => {
  it('finds the code it checks', () => {
    expect(files).toContain(path.join('test', 'fixtures', 'okta', 'index.ts'))
    expect(files.filter((file) => file.startsWith('server'))).not.toHaveLength(0)
  })

  it('spots a path, a folder or a note outside the repository', () => {
    // Written in pieces, so that this file itself names no outside folder.
    const outside = ['..', '..', 'reference', 'hook'].join('/')
    expect(outsideReferences('test/x.ts', `readFileSync(new URL(\`${outside}/\${name}\`, import.meta.url))`)).toHaveLength(1)
    expect(outsideReferences('test/x.ts', `const dir = '/${'work'}/notes'`)).toHaveLength(1)
    expect(outsideReferences('test/x.ts', '// as idx-emulator.md §3 says')).toHaveLength(1)
    expect(outsideReferences('test/x/y.ts', "import '../../policy/index.ts' // README.md")).toEqual([])
  })

  it('has no file under server/, widget/, policy/, tools/ or test/ that reads outside it', () => {
    const findings = files.flatMap((file) => outsideReferences(file, readFileSync(path.join(root, file), 'utf8')))
    expect(findings.map(({ at, problem }) => `${at}: ${problem}`)).toEqual([])
  })
})
