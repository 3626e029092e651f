import path from 'node:path'

/** The repository's root folder: tools find sources and outputs from it. */
export const ROOT = path.join(import.meta.dirname, '..')
