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
