import path from 'node:path'
import { build as esbuild } from 'esbuild'
import { build } from 'vite'
import { SNIPPET_FORMAT } from '../../server/page/assets.ts'
import { ROOT } from '../root.ts'
import { kitBuilds } from './kit.ts'

/**
 * The code-editor IIFE, then the snippet's format as a small ES module beside it, so the server's offline
 * hosted page pastes the snippet from built files, without a bundler at run time.
 */
export async function buildCodeEditor(): Promise<void> {
  await build(kitBuilds.codeEditor)
  await esbuild({
    entryPoints: [path.join(ROOT, 'widget/code-editor/snippet.ts')],
    outfile: SNIPPET_FORMAT,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'warning',
  })
}
