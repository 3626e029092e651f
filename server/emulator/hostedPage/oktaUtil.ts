import { scriptSafeJson } from '../../../policy/pageConfig.ts'

/**
 * What Okta puts for `{{{OktaUtil}}}`: a global `OktaUtil` whose `getSignInWidgetConfig()` returns the
 * widget config and whose `completeLogin(res)` finishes the sign-in. Okta's redirects to the app; offline
 * there is no app, so it says who signed in, as text, and logs nothing (the result holds the tokens).
 *
 * The config is JSON with `<` escaped, so it is a plain JavaScript literal that cannot close the element.
 */
export const oktaUtilScript = (nonce: string, widgetConfig: Record<string, unknown>) => `<script nonce="${nonce}">
var OktaUtil = {
  getSignInWidgetConfig: function () {
    return ${scriptSafeJson(widgetConfig)};
  },
  completeLogin: function (res) {
    var claims = res && res.tokens && res.tokens.idToken && res.tokens.idToken.claims;
    var message = document.createElement('p');
    message.id = 'signed-in';
    message.setAttribute('role', 'status');
    message.textContent = claims && typeof claims.email === 'string' ? 'Signed in as ' + claims.email : 'Signed in';
    var container = document.getElementById('okta-login-container');
    container.hidden = true;
    container.after(message);
  }
};
</script>`
