import { PAGE_PREFIX } from './assets.ts'
import { WIDGET_BUNDLES, WIDGET_PREFIX, type WidgetGeneration } from './widgetBundle.ts'

export interface Nonces {
  script: string
  style: string
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Text for HTML content or a quoted attribute: every value a server-written page shows goes through this. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

/**
 * The page is a constant template: only the CSP nonces (hex from @fastify/helmet) and the JSON config
 * are inserted, and the JSON is never parsed as HTML. Everything the user sees later is set as text.
 */
export const pageHtml = (nonces: Nonces, configJson: string, generation: WidgetGeneration) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Create your account</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${WIDGET_PREFIX}${WIDGET_BUNDLES[generation].stylesheet}">
<link rel="stylesheet" href="${PAGE_PREFIX}page.css">
</head>
<body>
<!-- Not <main>: the widget renders its own main landmark, and the signed-in view is a region. -->
<div class="page">
  <div id="sign-in-widget"></div>
  <section id="signed-in" class="signed-in" aria-labelledby="signed-in-title" hidden>
    <h1 id="signed-in-title" tabindex="-1">You are signed in</h1>
    <dl>
      <dt>Name</dt><dd data-claim="name"></dd>
      <dt>Email</dt><dd data-claim="email"></dd>
      <dt>Department</dt><dd data-claim="department"></dd>
      <dt>Terms accepted</dt><dd data-claim="consent"></dd>
    </dl>
    <button type="button" id="sign-out">Sign out</button>
  </section>
</div>
<script type="application/json" id="page-config" nonce="${nonces.script}">${configJson}</script>
<script src="${WIDGET_PREFIX}${WIDGET_BUNDLES[generation].script}" nonce="${nonces.script}"></script>
<script type="module" src="${PAGE_PREFIX}page.js" nonce="${nonces.script}"></script>
</body>
</html>
`
