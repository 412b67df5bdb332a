/**
 * The renderer's Content-Security-Policy, sent as a response header by the app's own protocol in
 * production. It must equal the `<meta http-equiv="Content-Security-Policy">` in renderer/index.html
 * (a unit test compares them), so the header and the page never disagree.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The dev server's CSP (`npm start` only; never built into the app): the production policy plus exactly what
 * Vite's dev client needs — its `<style>` tags and the React refresh preamble, allowed by this server's nonce
 * (Vite's `html.cspNonce` puts it on every tag it injects), and its hot-reload websocket on the page's own
 * origin (`ws://localhost:<port>`). No 'unsafe-inline', no 'unsafe-eval', no other host.
 */
export function devContentSecurityPolicy(nonce: string, devOrigin: string): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce))
    throw new Error('A CSP nonce is at least 16 base64 characters.');
  const ws = devOrigin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`)
    .replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`)
    .replace("connect-src 'none'", `connect-src 'self' ${ws}`);
}
