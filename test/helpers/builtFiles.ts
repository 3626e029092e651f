import { buildIfNeeded } from '../../tools/build/ifNeeded.ts'

/**
 * Global setup of the projects that run the server: what it serves from dist/ (the page, the code-editor
 * snippet, the widget's files) is built first when stale, as `npm start` does, so tests run the current code.
 */
export default async function builtFiles(): Promise<void> {
  await buildIfNeeded()
}
