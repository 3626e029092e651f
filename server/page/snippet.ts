import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import type { Policy } from '../../policy/index.ts'
import { CODE_EDITOR_SCRIPT, SNIPPET_FORMAT } from './assets.ts'

/** The kit's options in the snippet this server's offline hosted page pastes. */
export interface PastedKitOptions {
  policy: Policy
  departmentsUrl: string
  progressiveProfile: boolean
}

/** The snippet's format as the code-editor build writes it (widget/code-editor/snippet.ts). */
interface SnippetFormat {
  snippetBlock(code: string, options: PastedKitOptions): string
}

/**
 * The block `npm run snippet` would print for these options, made from the build's files (no bundler
 * runs in the server), or undefined when they are not built.
 */
export async function builtSnippet(options: PastedKitOptions): Promise<string | undefined> {
  if (!existsSync(SNIPPET_FORMAT) || !existsSync(CODE_EDITOR_SCRIPT)) return undefined
  const [format, code] = await Promise.all([
    import(pathToFileURL(SNIPPET_FORMAT).href) as Promise<SnippetFormat>,
    readFile(CODE_EDITOR_SCRIPT, 'utf8'),
  ])
  return format.snippetBlock(code.trim(), options)
}
