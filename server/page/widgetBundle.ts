import { z } from 'zod'

/** Which Sign-In Widget the pages run: Gen2 (Backbone) or the third generation (Preact + MUI). */
export const WidgetGeneration = z.enum(['gen2', 'gen3'])
export type WidgetGeneration = z.infer<typeof WidgetGeneration>

/** The widget's own files for each generation, under `/widget/` (the package's `dist/`). */
export const WIDGET_BUNDLES: Record<WidgetGeneration, { script: string; stylesheet: string }> = {
  gen2: { script: 'js/okta-sign-in.oie.min.js', stylesheet: 'css/okta-sign-in.min.css' },
  // Gen3's stylesheet holds only its fonts (Inter, from ../font/); its styles come with the script.
  gen3: { script: 'js/okta-sign-in.next.js', stylesheet: 'css/okta-sign-in.next.css' },
}

export const WIDGET_PREFIX = '/widget/'

/** The `<script>` and `<link>` tags that load one generation, as Okta's `{{{SignInWidgetResources}}}` does. */
export function widgetResourceTags(generation: WidgetGeneration, nonce: string): string {
  const { script, stylesheet } = WIDGET_BUNDLES[generation]
  return [`<script src="${WIDGET_PREFIX}${script}" nonce="${nonce}"></script>`, `<link rel="stylesheet" href="${WIDGET_PREFIX}${stylesheet}">`].join(
    '\n',
  )
}
