/**
 * Okta's default hosted sign-in page template (code editor), with the kit's snippet pasted where the
 * README tells brand teams to put it. The server fills it in offline mode so that tests run the snippet
 * exactly as it runs on an Okta-hosted page: widget from a script tag, config from `OktaUtil`, the
 * template's own script unchanged.
 */
export const OKTA_DEFAULT_TEMPLATE = `<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="shortcut icon" href="{{faviconUrl}}">
  <title>{{pageTitle}}</title>
  {{{SignInWidgetResources}}}
  <style nonce="{{nonceValue}}">#login-bg-image-id { background-image: {{bgImageUrl}} }</style>
  {{#useSiwGen3}}
  <style nonce="{{nonceValue}}">html { font-size: 87.5%; }</style>
  {{/useSiwGen3}}
</head>
<body>
  <div id="login-bg-image-id" class="login-bg-image tb--background"></div>
  <div id="okta-login-container"></div>
  {{{OktaUtil}}}
  <script type="text/javascript" nonce="{{nonceValue}}">
    var config = OktaUtil.getSignInWidgetConfig();
    var oktaSignIn = new OktaSignIn(config);
    oktaSignIn.renderEl({ el: '#okta-login-container' }, OktaUtil.completeLogin,
      function(error) { console.log(error.message, error); });
  </script>
</body>
</html>
`

export interface HostedPageValues {
  pageTitle: string
  bgImageUrl: string
  faviconUrl: string
  /** What Okta puts for `{{{SignInWidgetResources}}}`: the widget's <script> and <link> tags. */
  signInWidgetResources: string
  /** What Okta puts for `{{{OktaUtil}}}`: a <script> defining `OktaUtil.getSignInWidgetConfig()` and friends. */
  oktaUtil: string
  nonce: string
  /** The brand runs the third-generation widget: Okta renders the template's `{{#useSiwGen3}}` sections. */
  useSiwGen3: boolean
  /** The block `npm run snippet` printed, pasted below `{{{SignInWidgetResources}}}`. */
  snippet: string
}

const RESOURCES = '{{{SignInWidgetResources}}}'

/** Pastes the snippet as a brand team would, then fills the variables as Okta does when it serves the page. */
export function renderHostedPage(values: HostedPageValues, template = OKTA_DEFAULT_TEMPLATE): string {
  if (!template.includes(RESOURCES)) throw new Error(`The template has no ${RESOURCES} to paste the snippet under`)
  // A replacer function, so "$&" or "$$" in the code or the policy texts is pasted as written.
  const pasted = template.replace(RESOURCES, () => `${RESOURCES}\n${values.snippet}`)
  const fill: Record<string, string> = {
    '{{{SignInWidgetResources}}}': values.signInWidgetResources,
    '{{{OktaUtil}}}': values.oktaUtil,
    '{{nonceValue}}': values.nonce,
    '{{pageTitle}}': values.pageTitle,
    '{{bgImageUrl}}': values.bgImageUrl,
    '{{faviconUrl}}': values.faviconUrl,
  }
  const sections = pasted.replace(/\{\{#useSiwGen3\}\}([\s\S]*?)\{\{\/useSiwGen3\}\}/g, (_section, body: string) =>
    values.useSiwGen3 ? body : '',
  )
  // One pass over the pasted page, as Okta renders it: values are inserted as given, never re-read.
  return sections.replace(/\{\{\{\w+\}\}\}|\{\{\w+\}\}/g, (variable) => fill[variable] ?? variable)
}
