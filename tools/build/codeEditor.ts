import { build } from 'vite'
import { SNIPPET_FORMAT } from '../../server/page/assets.ts'
import { bundleEsModule } from './esModule.ts'
import { kitBuilds } from './kit.ts'

/**
 * The code-editor IIFE, then the snippet's format as a small ES module beside it, so the server's offline
 * hosted page pastes the snippet from built files, without a bundler at run time.
 */
export async function buildCodeEditor(): Promise<void> {
  await build(kitBuilds.codeEditor)
  await bundleEsModule('widget/code-editor/snippet.ts', SNIPPET_FORMAT, 'neutral')
}
