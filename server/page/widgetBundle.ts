import { createRequire } from 'node:module'
import path from 'node:path'
import { z } from 'zod'

/** Which Sign-In Widget the pages run: Gen2 (Backbone) or the third generation (Preact + MUI). */
export const WidgetGeneration = z.enum(['gen2', 'gen3'])
export type WidgetGeneration = z.infer<typeof WidgetGeneration>

/** The widget's own files for each generation, under WIDGET_PREFIX (the package's `dist/`). */
export const WIDGET_BUNDLES: Record<WidgetGeneration, { script: string; stylesheet: string }> = {
  gen2: { script: 'js/okta-sign-in.oie.min.js', stylesheet: 'css/okta-sign-in.min.css' },
  // Gen3's stylesheet holds only its fonts (Inter, from ../font/); its styles come with the script.
  gen3: { script: 'js/okta-sign-in.next.js', stylesheet: 'css/okta-sign-in.next.css' },
}

const require = createRequire(import.meta.url)
const widgetPackage = require.resolve('@okta/okta-signin-widget/package.json')
/** The widget package's `dist/`, the files as published. */
export const WIDGET_PACKAGE_DIST = path.join(path.dirname(widgetPackage), 'dist')
export const WIDGET_VERSION = (require(widgetPackage) as { version: string }).version

/**
 * Where the pages load the widget's files from. The path names the widget's version, so browsers keep the
 * files for good: another version is another URL. Stylesheets reach their fonts relatively, under it too.
 */
export const WIDGET_PREFIX = `/widget/${WIDGET_VERSION}/`
/** The same files, unversioned: the widget's `assets.baseUrl` (see widgetSettings.ts), where it fetches label files. */
export const WIDGET_ASSETS_PREFIX = '/widget/'

/** The `<script>` and `<link>` tags that load one generation, as Okta's `{{{SignInWidgetResources}}}` does. */
export function widgetResourceTags(generation: WidgetGeneration, nonce: string): string {
  const { script, stylesheet } = WIDGET_BUNDLES[generation]
  return [`<script src="${WIDGET_PREFIX}${script}" nonce="${nonce}"></script>`, `<link rel="stylesheet" href="${WIDGET_PREFIX}${stylesheet}">`].join(
    '\n',
  )
}
