import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Imports run widget → policy ← server: the rules are shared, the browser code and the service never reach
// into each other (the server uses the browser code only as built files), and nothing the product runs
// imports tools/ (Node commands) or test/.

const root = path.join(import.meta.dirname, '../..')

/** Where each product folder may import from, besides packages (the server reads its version from package.json). */
const ALLOWED: Record<string, string[]> = {
  policy: ['policy'],
  widget: ['widget', 'policy'],
  server: ['server', 'policy', 'package.json'],
}

/** Every relative module specifier in a source file: static imports, re-exports and literal dynamic imports. */
export function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((match) => match[1]!)
}

function violations(folder: string): string[] {
  const files = readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' }).filter((name) => /\.ts$/.test(name))
  return files.flatMap((name) => {
    const file = path.join(folder, name)
    return importsOf(readFileSync(path.join(root, file), 'utf8'))
      .map((specifier) => ({ specifier, top: path.relative(root, path.resolve(root, path.dirname(file), specifier)).split(path.sep)[0]! }))
      .filter(({ top }) => !ALLOWED[folder]!.includes(top))
      .map(({ specifier, top }) => `${file} imports ${specifier} (${top}/)`)
  })
}

describe('the layout', () => {
  it('reads every kind of import', () => {
    const source = ["import { a } from '../server/a.ts'", "export { b } from './b.ts'", "const c = await import('../tools/c.ts')", "import './d.css'"].join('\n')
    expect(importsOf(source)).toEqual(['../server/a.ts', './b.ts', '../tools/c.ts', './d.css'])
  })

  it.each(Object.keys(ALLOWED))('keeps %s/ to the folders it may import', (folder) => {
    expect(violations(folder)).toEqual([])
  })
})
